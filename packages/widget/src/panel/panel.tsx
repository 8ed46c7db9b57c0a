import { useEffect, useRef, useState } from "preact/hooks";
import { AttachButton, MAX_FILES, MessageFiles, type PendingFile, PendingFiles } from "./attachments.js";
import type { WidgetClient } from "./client.js";
import type { Strings } from "./strings.js";
import type { WidgetMessageView, WidgetSessionView, WidgetSuggestionView } from "./types.js";

type Activity = "drafting" | "reviewing" | "waiting_for_person" | undefined;

const newId = () => `w-${crypto.randomUUID()}`;

/** How long "a person is typing" stays after the last signal (the dashboard repeats it every few seconds). */
const TYPING_MS = 6000;

/** The chat panel: history, live replies, suggestions while typing, ratings and the way to a person. */
export function Panel(props: { client: WidgetClient; t: Strings; onClose: () => void }) {
  const { client, t } = props;
  const [session, setSession] = useState<WidgetSessionView>();
  const [messages, setMessages] = useState<WidgetMessageView[]>([]);
  const [state, setState] = useState("none");
  const [activity, setActivity] = useState<Activity>();
  const [draft, setDraft] = useState("");
  const [suggestions, setSuggestions] = useState<WidgetSuggestionView[]>([]);
  const [notice, setNotice] = useState("");
  const [online, setOnline] = useState(true);
  const [pending, setPending] = useState<PendingFile[]>([]);
  const [uploading, setUploading] = useState(false);
  const [personTyping, setPersonTyping] = useState(false);
  const previews = useRef(new Map<string, string>());
  const typingTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const input = useRef<HTMLTextAreaElement>(null);
  const log = useRef<HTMLDivElement>(null);

  const merge = (incoming: WidgetMessageView[]) =>
    setMessages((known) => {
      const byId = new Map(known.map((m) => [m.id, m]));
      for (const m of incoming) byId.set(m.id, m);
      return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
    });

  useEffect(() => {
    let events: EventSource | undefined;
    client
      .start()
      .then(async (started) => {
        setSession(started);
        const history = await client.history();
        merge(history.messages);
        setState(history.state);
        events = client.stream();
        events.addEventListener("message", (e) => {
          const message = JSON.parse((e as MessageEvent).data) as WidgetMessageView;
          merge([message]);
          if (message.from !== "visitor") {
            setActivity(undefined);
            setPersonTyping(false);
          }
        });
        events.addEventListener("typing", () => {
          setPersonTyping(true);
          clearTimeout(typingTimer.current);
          typingTimer.current = setTimeout(() => setPersonTyping(false), TYPING_MS);
        });
        events.addEventListener("activity", (e) => setActivity(JSON.parse((e as MessageEvent).data).kind));
        events.addEventListener("state", (e) => setState(JSON.parse((e as MessageEvent).data).state));
        events.addEventListener("ready", () => setOnline(true));
        events.addEventListener("error", () => setOnline(false));
      })
      .catch(() => setNotice(t.error));
    input.current?.focus();
    return () => {
      events?.close();
      clearTimeout(typingTimer.current);
    };
  }, [client]);

  useEffect(() => {
    log.current?.scrollTo({ top: log.current.scrollHeight });
  }, [messages, activity, personTyping]);

  // Suggestions while typing, a moment after the last key (the endpoint is rate-limited per address).
  useEffect(() => {
    const q = draft.trim();
    if (q.length < 8) {
      setSuggestions([]);
      return;
    }
    const timer = setTimeout(() => client.suggest(q).then(setSuggestions, () => setSuggestions([])), 350);
    return () => clearTimeout(timer);
  }, [draft]);

  const send = async (event: Event) => {
    event.preventDefault();
    const text = draft.trim();
    if (!text && pending.length === 0) return;
    try {
      const sent = await client.send(
        newId(),
        text,
        pending.map((p) => p.file.id),
      );
      for (const p of pending) if (p.preview) previews.current.set(p.file.id, p.preview);
      merge([sent]);
      setPending([]);
      setDraft("");
      setSuggestions([]);
      setNotice("");
      setState((s) => (s === "none" || s === "closed" ? "open" : s));
    } catch {
      setNotice(t.error);
    }
  };

  /** Uploads the chosen files one by one; the size is checked here first, the type by the server. */
  const attach = async (files: File[]) => {
    if (!session) return;
    if (pending.length + files.length > MAX_FILES) {
      setNotice(t.tooManyFiles.replace("{count}", String(MAX_FILES)));
      return;
    }
    setUploading(true);
    setNotice("");
    for (const file of files) {
      if (file.size > session.maxFileBytes) {
        setNotice(t.fileTooBig.replace("{size}", String(Math.floor(session.maxFileBytes / 1024 / 1024))));
        continue;
      }
      try {
        const stored = await client.upload(file);
        const preview = stored.contentType.startsWith("image/") ? URL.createObjectURL(file) : undefined;
        setPending((known) => [...known, { file: stored, preview }]);
      } catch (error) {
        const code = (error as { code?: string }).code;
        const size = String(Math.floor(session.maxFileBytes / 1024 / 1024));
        setNotice(
          code === "unsupported_media_type"
            ? t.fileType
            : code === "payload_too_large"
              ? t.fileTooBig.replace("{size}", size)
              : t.error,
        );
      }
    }
    setUploading(false);
  };

  const saveEmail = async (event: Event) => {
    event.preventDefault();
    const email = new FormData(event.target as HTMLFormElement).get("email");
    try {
      setSession(await client.start(String(email)));
      setNotice("");
    } catch {
      setNotice(t.error);
    }
  };

  const deflect = async (suggestion: WidgetSuggestionView) => {
    await client.deflect(draft.trim(), suggestion.sourceId).catch(() => undefined);
    setDraft("");
    setSuggestions([]);
    setState("closed");
    setNotice(t.thanks);
  };

  const rate = async (id: string, rating: "up" | "down") => merge([await client.rate(id, rating)]);

  const askForPerson = async () => {
    try {
      const after = await client.askForPerson();
      setState(after.state);
    } catch {
      input.current?.focus();
    }
  };

  const waiting = state === "waiting_for_person" || activity === "waiting_for_person";
  const status =
    activity === "drafting"
      ? t.drafting
      : activity === "reviewing" || waiting
        ? session?.responseTime
          ? t.within.replace("{time}", session.responseTime)
          : activity === "reviewing"
            ? t.reviewing
            : t.personAsked
        : personTyping
          ? t.personTyping
          : "";

  return (
    <div
      class="panel"
      role="dialog"
      aria-label={t.title}
      onKeyDown={(e) => {
        if (e.key === "Escape") props.onClose();
      }}
    >
      <header>
        <h2>{t.title}</h2>
        <button type="button" class="icon" aria-label={t.close} onClick={props.onClose}>
          ×
        </button>
      </header>
      <div class="log" role="log" aria-live="polite" ref={log}>
        {messages.length === 0 && <p class="hint">{t.intro}</p>}
        {messages.map((m) => (
          <div key={m.id} class={`msg ${m.from}`} data-from={m.from}>
            <span class="who">{m.from === "visitor" ? t.you : (m.authorName ?? t.team)}</span>
            {m.text && <p>{m.text}</p>}
            <MessageFiles files={m.attachments ?? []} previews={previews.current} />
            {m.from === "ai" && <span class="badge">{t.aiWritten}</span>}
            {m.from !== "visitor" &&
              (m.rating ? (
                <span class="rated">{t.rated}</span>
              ) : (
                <span class="rate">
                  <button type="button" aria-label={t.helpful} onClick={() => rate(m.id, "up")}>
                    👍
                  </button>
                  <button type="button" aria-label={t.unhelpful} onClick={() => rate(m.id, "down")}>
                    👎
                  </button>
                </span>
              ))}
          </div>
        ))}
        {activity === "drafting" && (
          <p class="dots" aria-hidden="true">
            <span />
            <span />
            <span />
          </p>
        )}
        {status && (
          <p class="status" role="status">
            {status}
          </p>
        )}
        {!online && <p class="status">{t.offline}</p>}
      </div>
      {notice && (
        <p class="notice" role="alert">
          {notice}
        </p>
      )}
      {suggestions.length > 0 && (
        <section class="suggestions" aria-label={t.suggestions}>
          <h3>{t.suggestions}</h3>
          <ul>
            {suggestions.map((s) => (
              <li key={s.sourceId}>
                {s.url ? (
                  <a href={s.url} target="_blank" rel="noopener noreferrer">
                    {s.title}
                  </a>
                ) : (
                  <strong>{s.title}</strong>
                )}
                <p>{s.excerpt}</p>
                <button type="button" class="link" onClick={() => deflect(s)}>
                  {t.answered}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      {session?.emailRequired ? (
        <form onSubmit={saveEmail}>
          <label for="support-chat-email">{t.emailLabel}</label>
          <div class="row">
            <input id="support-chat-email" name="email" type="email" required autoComplete="email" />
            <button type="submit">{t.emailSave}</button>
          </div>
        </form>
      ) : (
        <form onSubmit={send}>
          <label for="support-chat-text" class="sr">
            {t.messageLabel}
          </label>
          <PendingFiles
            t={t}
            pending={pending}
            onRemove={(id) => setPending((known) => known.filter((p) => p.file.id !== id))}
          />
          {uploading && <p class="status">{t.uploading}</p>}
          <div class="row">
            <AttachButton t={t} disabled={uploading} onFiles={attach} />
            <textarea
              id="support-chat-text"
              ref={input}
              rows={2}
              maxLength={5000}
              value={draft}
              onInput={(e) => setDraft((e.target as HTMLTextAreaElement).value)}
              onKeyDown={(e) => {
                if (e.key === "Enter" && !e.shiftKey) send(e);
              }}
            />
            <button type="submit">{t.send}</button>
          </div>
        </form>
      )}
      {!waiting && messages.length > 0 && (
        <button type="button" class="link person" onClick={askForPerson}>
          {t.person}
        </button>
      )}
    </div>
  );
}
