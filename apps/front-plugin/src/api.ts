import type { DraftView, FrontPluginLookupView, FrontTeammateView } from "@support/contract";

/**
 * The plugin's calls to the platform. Front opens the plugin at the URL registered for it, with
 * `?org=<slug>` (ours) and `auth_secret` (Front's); both go in headers with the teammate's
 * email from the SDK's context, never in a cookie (ADR 0145).
 */
export interface Credentials {
  org: string;
  secret: string;
}

export function credentialsFrom(search: string): Credentials | undefined {
  const params = new URLSearchParams(search);
  const org = params.get("org");
  const secret = params.get("key") ?? params.get("auth_secret");
  return org && secret ? { org, secret } : undefined;
}

/** A refusal or failure as the API's problem+json says it: the code drives what the plugin shows. */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export function pluginApi(credentials: Credentials, teammateEmail: string) {
  async function call<T>(path: string, body?: unknown): Promise<T> {
    const res = await fetch(`api${path}`, {
      method: body === undefined ? "GET" : "POST",
      headers: {
        "x-front-plugin-org": credentials.org,
        "x-front-plugin-secret": credentials.secret,
        "x-front-teammate": teammateEmail,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const payload = await res.json().catch(() => ({}));
    if (!res.ok) throw new ApiProblem(res.status, payload.code ?? "internal", payload.detail ?? res.statusText);
    return payload as T;
  }
  return {
    me: () => call<FrontTeammateView>("/me"),
    lookup: (frontConversationId: string) =>
      call<FrontPluginLookupView>(`/conversations/${encodeURIComponent(frontConversationId)}`),
    approve: (draftId: string, input: { text: string; actions: string[] }) =>
      call<DraftView>(`/drafts/${encodeURIComponent(draftId)}/approve`, input),
    reject: (draftId: string, reason: string) =>
      call<DraftView>(`/drafts/${encodeURIComponent(draftId)}/reject`, { reason }),
    redraft: (draftId: string, note: string) =>
      call<DraftView>(`/drafts/${encodeURIComponent(draftId)}/redraft`, note.trim() ? { note } : {}),
  };
}

export type PluginApi = ReturnType<typeof pluginApi>;
