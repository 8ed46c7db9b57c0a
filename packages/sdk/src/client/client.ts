import { randomUUID } from "node:crypto";
import { SIGNATURE_HEADER, signPayload } from "../signing.js";
import { SupportApiError, SupportError, SupportNetworkError } from "./errors.js";
import { type Page, paginate } from "./pagination.js";
import { type BackoffOptions, isRetryableStatus, parseRetryAfter, retryDelayMs } from "./retry.js";
import {
  type ApproveDraftOptions,
  type Conversation,
  type Draft,
  type InboundMessage,
  inboundMessageSchema,
  type KnowledgeHit,
  type ListConversationsParams,
  type ListDraftsParams,
  type SearchKnowledgeParams,
  type SentMessage,
} from "./types.js";

export interface SupportClientOptions {
  baseUrl: string;
  /** An organization API key (`sk_…`) for the REST API. */
  apiKey?: string;
  /** The app's signing secret, needed only to send customer messages in. */
  signingSecret?: string;
  fetch?: typeof fetch;
  /** Further attempts after a 429, a 5xx or a network failure (default 2); other 4xx never retry. */
  retries?: number;
  backoff?: BackoffOptions;
  /** Per attempt (default 15 s). */
  timeoutMs?: number;
}

type Query = Record<string, string | number | undefined>;

interface RequestSpec {
  method: "GET" | "POST";
  path: string;
  query?: Query;
  body?: unknown;
  /** Webhooks are authenticated by signature, the REST API by the API key. */
  auth: "api_key" | "signature";
}

/** The platform's REST API and generic webhook, typed, with retries and problem+json errors. */
export class SupportClient {
  private readonly baseUrl: string;
  private readonly fetch: typeof fetch;
  private readonly retries: number;
  private readonly timeoutMs: number;

  constructor(private readonly options: SupportClientOptions) {
    this.baseUrl = options.baseUrl.endsWith("/") ? options.baseUrl : `${options.baseUrl}/`;
    this.fetch = options.fetch ?? fetch;
    this.retries = Math.max(0, options.retries ?? 2);
    this.timeoutMs = options.timeoutMs ?? 15_000;
  }

  /** Sends a customer message in through `POST /webhooks/generic/:app`, signed with the app's secret. */
  async sendMessage(app: string, message: InboundMessage): Promise<SentMessage> {
    const parsed = inboundMessageSchema.safeParse(message);
    if (!parsed.success) {
      const fields = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
      throw new SupportError(`invalid message: ${fields}`);
    }
    const id = parsed.data.id ?? randomUUID();
    const response = await this.request({
      method: "POST",
      path: `webhooks/generic/${encodeURIComponent(app)}`,
      body: { type: "message.received", ...parsed.data, id },
      auth: "signature",
    });
    return { id, response };
  }

  listConversations(params: ListConversationsParams = {}): Promise<Page<Conversation>> {
    return this.get("api/v1/conversations", { ...params });
  }

  /** Every conversation matching `params`, page after page. */
  iterateConversations(params: Omit<ListConversationsParams, "cursor"> = {}): AsyncGenerator<Conversation> {
    return paginate((cursor) => this.listConversations({ ...params, cursor }));
  }

  getConversation(id: string): Promise<Conversation> {
    return this.get(`api/v1/conversations/${encodeURIComponent(id)}`);
  }

  listDrafts(params: ListDraftsParams = {}): Promise<Page<Draft>> {
    return this.get("api/v1/drafts", { ...params });
  }

  iterateDrafts(params: Omit<ListDraftsParams, "cursor"> = {}): AsyncGenerator<Draft> {
    return paginate((cursor) => this.listDrafts({ ...params, cursor }));
  }

  getDraft(id: string): Promise<Draft> {
    return this.get(`api/v1/drafts/${encodeURIComponent(id)}`);
  }

  /**
   * Approves as written, or with `text` replacing the draft's, running the proposed actions named
   * in `actions` and no other (`[]` sends the reply alone): read `draft.actions` to choose. Refused
   * before any request without that choice, so nothing runs that the caller did not pick.
   */
  async approveDraft(id: string, options: ApproveDraftOptions): Promise<Draft> {
    const actions: unknown = options?.actions;
    if (!Array.isArray(actions) || !actions.every((a) => typeof a === "string")) {
      throw new SupportError("approveDraft needs `actions`: the ids of draft.actions to run, [] for the reply alone");
    }
    return this.post(`api/v1/drafts/${encodeURIComponent(id)}/approve`, {
      ...(options.text === undefined ? {} : { text: options.text }),
      actions,
    });
  }

  async rejectDraft(id: string, options: { reason: string }): Promise<Draft> {
    if (!options.reason?.trim()) throw new SupportError("a reason is required to reject a draft");
    return this.post(`api/v1/drafts/${encodeURIComponent(id)}/reject`, options);
  }

  searchKnowledge(params: SearchKnowledgeParams): Promise<{ data: KnowledgeHit[] }> {
    return this.get("api/v1/knowledge/search", { ...params });
  }

  private get<T>(path: string, query?: Query): Promise<T> {
    return this.request({ method: "GET", path, query, auth: "api_key" }) as Promise<T>;
  }

  private post<T>(path: string, body: unknown): Promise<T> {
    return this.request({ method: "POST", path, body, auth: "api_key" }) as Promise<T>;
  }

  private async request(spec: RequestSpec): Promise<unknown> {
    const url = new URL(spec.path, this.baseUrl);
    for (const [key, value] of Object.entries(spec.query ?? {})) {
      if (value !== undefined) url.searchParams.set(key, String(value));
    }
    const body = spec.body === undefined ? undefined : JSON.stringify(spec.body);
    for (let attempt = 0; ; attempt++) {
      // Built per attempt: a webhook signature re-used on a retry would be refused as a replay.
      const headers = this.headers(spec.auth, body);
      let response: Response;
      try {
        response = await this.fetch(url, {
          method: spec.method,
          headers,
          body,
          signal: AbortSignal.timeout(this.timeoutMs),
        });
      } catch (error) {
        const delay = attempt < this.retries ? retryDelayMs(attempt, undefined, this.options.backoff) : undefined;
        if (delay === undefined) {
          throw new SupportNetworkError(`${spec.method} ${url.pathname} failed: ${(error as Error).message}`, error);
        }
        await sleep(spec.auth === "signature" ? untilNextSecond(delay) : delay);
        continue;
      }
      if (response.ok) return readJson(response);
      const problem = await readProblem(response);
      const requestId = response.headers.get("x-request-id") ?? undefined;
      const retryAfter = parseRetryAfter(response.headers.get("retry-after"));
      const delay =
        attempt < this.retries && isRetryableStatus(response.status)
          ? retryDelayMs(attempt, retryAfter, this.options.backoff)
          : undefined;
      if (delay === undefined) throw new SupportApiError(response.status, problem, requestId);
      await sleep(spec.auth === "signature" ? untilNextSecond(delay) : delay);
    }
  }

  private headers(auth: RequestSpec["auth"], body: string | undefined): Record<string, string> {
    const headers: Record<string, string> = { accept: "application/json, application/problem+json" };
    if (body !== undefined) headers["content-type"] = "application/json";
    if (auth === "signature") {
      if (!this.options.signingSecret) throw new SupportError("sendMessage needs the app's signingSecret");
      headers[SIGNATURE_HEADER] = signPayload(body ?? "", [this.options.signingSecret]);
    } else {
      if (!this.options.apiKey) throw new SupportError("this call needs an apiKey");
      headers.authorization = `Bearer ${this.options.apiKey}`;
    }
    return headers;
  }
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new SupportApiError(
      response.status,
      { detail: "the platform answered with something that is not JSON" },
      undefined,
    );
  }
}

async function readProblem(response: Response): Promise<Record<string, unknown>> {
  const text = await response.text().catch(() => "");
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === "object") return parsed as Record<string, unknown>;
  } catch {
    // Not JSON: fall through to a problem built from the status alone.
  }
  return { detail: response.statusText || `HTTP ${response.status}` };
}

/**
 * A re-signed retry within the same second would carry the same timestamp and body, hence the
 * same replay key, and the platform would refuse it as a replay of the failed attempt. Timers may
 * fire a millisecond early against the wall clock, so the wait goes a little past the boundary.
 */
function untilNextSecond(delay: number): number {
  return Math.max(delay, 1000 - (Date.now() % 1000) + 10);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
