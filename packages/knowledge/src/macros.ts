import { htmlFragmentToMarkdown } from "./html.js";

export interface CannedResponse {
  title: string;
  body: string;
}

type Fetch = typeof fetch;

async function getJson(url: string, headers: Record<string, string>, fetchImpl: Fetch): Promise<unknown> {
  const response = await fetchImpl(url, { headers: { accept: "application/json", ...headers } });
  if (!response.ok) throw new Error(`${new URL(url).host} answered HTTP ${response.status}`);
  return response.json();
}

/** Follows `next` links only on the API's own origin, so a response cannot redirect the token. */
function sameOrigin(next: string | null | undefined, base: string): string | null {
  if (!next) return null;
  const url = new URL(next, base);
  return url.origin === new URL(base).origin ? url.toString() : null;
}

type ZendeskMacro = {
  title: string;
  active?: boolean;
  actions?: { field: string; value: unknown }[];
};

/**
 * Zendesk macros (`GET /api/v2/macros/active.json`, API-token basic auth): the public comment a
 * macro sets is the canned response; macros that only change fields have none and are skipped.
 */
export async function fetchZendeskMacros(options: {
  baseUrl: string;
  email: string;
  apiToken: string;
  fetch?: Fetch;
}): Promise<CannedResponse[]> {
  const auth = `Basic ${Buffer.from(`${options.email}/token:${options.apiToken}`).toString("base64")}`;
  const out: CannedResponse[] = [];
  let url: string | null = `${options.baseUrl.replace(/\/$/, "")}/api/v2/macros/active.json`;
  while (url) {
    const page = (await getJson(url, { authorization: auth }, options.fetch ?? fetch)) as {
      macros: ZendeskMacro[];
      next_page?: string | null;
    };
    for (const macro of page.macros) {
      const html = macro.actions?.find((a) => a.field === "comment_value_html")?.value;
      const plain = macro.actions?.find((a) => a.field === "comment_value")?.value;
      // comment_value is a string, or [channel, text] in older macros.
      const text = Array.isArray(plain)
        ? String(plain[plain.length - 1] ?? "")
        : typeof plain === "string"
          ? plain
          : "";
      const body = typeof html === "string" && html.trim() ? htmlFragmentToMarkdown(html) : text.trim();
      if (body) out.push({ title: macro.title, body });
    }
    url = sameOrigin(page.next_page, options.baseUrl);
  }
  return out;
}

/** Front message templates (`GET /message_templates`, bearer token); bodies are HTML. */
export async function fetchFrontTemplates(options: {
  baseUrl: string;
  token: string;
  fetch?: Fetch;
}): Promise<CannedResponse[]> {
  const out: CannedResponse[] = [];
  let url: string | null = `${options.baseUrl.replace(/\/$/, "")}/message_templates`;
  while (url) {
    const page = (await getJson(url, { authorization: `Bearer ${options.token}` }, options.fetch ?? fetch)) as {
      _results: { name: string; body?: string }[];
      _pagination?: { next?: string | null };
    };
    for (const template of page._results) {
      const body = template.body ? htmlFragmentToMarkdown(template.body) : "";
      if (body) out.push({ title: template.name, body });
    }
    url = sameOrigin(page._pagination?.next, options.baseUrl);
  }
  return out;
}
