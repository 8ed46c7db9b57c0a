import type { FrontPluginLookupView } from "@support/contract";
import { useCallback, useEffect, useMemo, useState } from "preact/hooks";
import { ApiProblem, type Credentials, pluginApi } from "./api.js";
import { DraftPanel } from "./draft-panel.js";
import type { FrontView } from "./front-context.js";

type Loaded =
  | { kind: "loading" }
  | { kind: "refused"; message: string }
  | { kind: "failed"; message: string }
  | { kind: "ready"; lookup: FrontPluginLookupView };

/** The conversation open in Front, looked up in the platform, with its draft. */
function Conversation({
  credentials,
  view,
}: {
  credentials: Credentials;
  view: Extract<FrontView, { kind: "single" }>;
}) {
  const api = useMemo(() => pluginApi(credentials, view.teammateEmail), [credentials, view.teammateEmail]);
  const [loaded, setLoaded] = useState<Loaded>({ kind: "loading" });
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);

  useEffect(() => {
    let current = true;
    api.lookup(view.conversationId).then(
      (lookup) => current && setLoaded({ kind: "ready", lookup }),
      (error: unknown) => {
        if (!current) return;
        // Unknown teammates and wrong secrets see nothing of the organization.
        if (error instanceof ApiProblem && (error.status === 401 || error.status === 403))
          setLoaded({ kind: "refused", message: error.message });
        else setLoaded({ kind: "failed", message: (error as Error).message });
      },
    );
    return () => {
      current = false;
    };
  }, [api, view.conversationId, generation]);

  // A new draft was asked for: the pipeline writes it in the background; look again shortly.
  const awaitingRedraft =
    loaded.kind === "ready" &&
    loaded.lookup.conversations.some(
      ({ draft }) => draft?.status === "superseded" && draft.reason?.startsWith("new draft requested"),
    );
  useEffect(() => {
    if (!awaitingRedraft || generation > 120) return;
    const timer = setTimeout(reload, 1000);
    return () => clearTimeout(timer);
  }, [awaitingRedraft, generation, reload]);

  if (loaded.kind === "loading") return <p class="muted">Loading…</p>;
  if (loaded.kind === "refused")
    return (
      <p role="alert" class="refused">
        {loaded.message}
      </p>
    );
  if (loaded.kind === "failed")
    return (
      <p role="alert">
        Could not load the draft: {loaded.message}{" "}
        <button type="button" onClick={reload}>
          Retry
        </button>
      </p>
    );
  const { conversations } = loaded.lookup;
  if (conversations.length === 0)
    return <p class="muted">This conversation did not reach the support platform (no Front channel receives it).</p>;
  return (
    <>
      {conversations.map(({ conversation, contact, draft }) => (
        <section key={conversation.id} aria-label="Conversation">
          <h2>{conversation.subject ?? view.subject ?? "Conversation"}</h2>
          <p class="muted">
            {contact?.name ?? contact?.email ?? "Unknown customer"} · {conversation.status}
          </p>
          {draft?.status === "superseded" && draft.reason?.startsWith("new draft requested") ? (
            <p role="status" class="notice">
              Writing a new draft…
            </p>
          ) : draft ? (
            <DraftPanel key={`${draft.id}:${draft.status}`} api={api} draft={draft} reload={reload} />
          ) : (
            <p class="muted">No draft yet for this conversation.</p>
          )}
        </section>
      ))}
    </>
  );
}

export function App({ credentials, view }: { credentials: Credentials | undefined; view: FrontView }) {
  if (!credentials)
    return (
      <p role="alert" class="refused">
        Open this plugin from Front: its URL needs <code>?org=…</code> and Front's <code>auth_secret</code>.
      </p>
    );
  switch (view.kind) {
    case "waiting":
      return <p class="muted">Waiting for Front…</p>;
    case "none":
      return <p class="muted">Open a conversation to see its draft.</p>;
    case "several":
      return <p class="muted">{view.count} conversations selected: open one to review its draft.</p>;
    case "other":
      return <p class="muted">Drafts show in the conversation sidebar.</p>;
    case "single":
      return <Conversation key={view.conversationId} credentials={credentials} view={view} />;
  }
}
