import type {
  WidgetConversationView,
  WidgetFileView,
  WidgetMessageView,
  WidgetSessionView,
  WidgetSuggestionView,
} from "./types.js";

/** The widget's calls to `/widget/v1/{app}`; errors carry the problem's code. */
export class WidgetClient {
  private session: WidgetSessionView | undefined;

  constructor(
    private readonly api: string,
    private readonly app: string,
    private readonly identity: string | undefined,
  ) {}

  private get storageKey() {
    return `support-chat:${this.app}`;
  }

  private async call<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
    const res = await fetch(`${this.api}/widget/v1/${encodeURIComponent(this.app)}${path}`, {
      method: init.method ?? "GET",
      headers: {
        ...(this.session ? { authorization: `Bearer ${this.session.token}` } : {}),
        ...(init.body !== undefined ? { "content-type": "application/json" } : {}),
      },
      body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
    });
    const data = await res.json().catch(() => ({}));
    if (!res.ok) throw Object.assign(new Error(data.detail ?? res.statusText), { code: data.code, status: res.status });
    return data as T;
  }

  /** Starts (or resumes, from the anonymous token kept in this browser) the visitor's session. */
  async start(email?: string): Promise<WidgetSessionView> {
    const kept = this.identity ? undefined : (localStorage.getItem(this.storageKey) ?? undefined);
    const body = {
      ...(this.identity ? { identity: this.identity } : {}),
      ...(kept ? { session: kept } : {}),
      ...(email ? { email } : {}),
    };
    const session = await this.call<WidgetSessionView>("/session", { method: "POST", body }).catch((error) => {
      if (!kept || error.status !== 401) throw error;
      localStorage.removeItem(this.storageKey);
      return this.call<WidgetSessionView>("/session", { method: "POST", body: { ...body, session: undefined } });
    });
    this.session = session;
    if (!this.identity) localStorage.setItem(this.storageKey, session.token);
    return session;
  }

  history() {
    return this.call<WidgetConversationView>("/conversation");
  }

  send(id: string, text: string, attachments: string[] = []) {
    const body = attachments.length ? { id, text, attachments } : { id, text };
    return this.call<WidgetMessageView>("/messages", { method: "POST", body });
  }

  /** Uploads a file for the next message; the server tells its type by its bytes (415 otherwise). */
  async upload(file: File): Promise<WidgetFileView> {
    const form = new FormData();
    form.set("file", file);
    const res = await fetch(`${this.api}/widget/v1/${encodeURIComponent(this.app)}/files`, {
      method: "POST",
      headers: this.session ? { authorization: `Bearer ${this.session.token}` } : {},
      body: form,
    });
    const data = await res.json().catch(() => ({}));
    if (!res.ok) throw Object.assign(new Error(data.detail ?? res.statusText), { code: data.code, status: res.status });
    return data as WidgetFileView;
  }

  async suggest(q: string): Promise<WidgetSuggestionView[]> {
    return (await this.call<{ data: WidgetSuggestionView[] }>(`/suggestions?q=${encodeURIComponent(q)}`)).data;
  }

  deflect(question: string, sourceId: string) {
    return this.call("/deflections", { method: "POST", body: { question, sourceId } });
  }

  rate(messageId: string, rating: "up" | "down") {
    return this.call<WidgetMessageView>("/ratings", { method: "POST", body: { messageId, rating } });
  }

  askForPerson() {
    return this.call<WidgetConversationView>("/person", { method: "POST" });
  }

  /** The live stream; EventSource reconnects by itself and sends `Last-Event-ID`, so nothing is missed. */
  stream(): EventSource {
    const token = encodeURIComponent(this.session?.token ?? "");
    return new EventSource(`${this.api}/widget/v1/${encodeURIComponent(this.app)}/events?session=${token}`);
  }
}
