import { AppDataCard } from "../components/AppDataCard.js";
import { AuditTimeline } from "../components/AuditTimeline.js";
import { CitationList } from "../components/CitationList.js";
import { CustomerCard } from "../components/CustomerCard.js";
import { DraftActions } from "../components/DraftActions.js";
import { ErrorNote } from "../components/ErrorNote.js";
import { GateList } from "../components/GateList.js";
import { Link } from "../components/Link.js";
import { ModelCalls } from "../components/ModelCalls.js";
import { Thread } from "../components/Thread.js";
import { TriageCard } from "../components/TriageCard.js";
import { TrustDecision } from "../components/TrustDecision.js";
import { useConversation, useDraft } from "../hooks/useData.js";
import { useRoute } from "../hooks/useRoute.js";
import { useT } from "../i18n/useT.js";
import { conversationPath } from "../lib/links.js";
import { roleAtLeast } from "../lib/roles.js";
import type { Role } from "../lib/types.js";

/** One draft in its conversation: everything needed to decide, and the decision. */
export function DraftPage({ id, role }: { id: string; role: Role | null }) {
  const t = useT();
  const draft = useDraft(id);
  const conversation = useConversation(draft.data?.conversationId);
  const { params } = useRoute();
  if (draft.error) return <ErrorNote error={draft.error} />;
  if (!draft.data) return <p>{t("draft.loading")}</p>;
  return (
    <>
      <p>
        <Link to="/">{t("common.backToQueue")}</Link> ·{" "}
        <Link to={conversationPath(draft.data.conversationId)}>{t("draft.wholeConversation")}</Link>
      </p>
      <h1>
        {conversation.data?.subject ?? t("draft.conversationFallback")}{" "}
        <span className="badge">{draft.data.category}</span>
      </h1>
      <div className="columns">
        <div className="col-main">
          {conversation.data && (
            <Thread
              messages={conversation.data.messages}
              channel={conversation.data.channel}
              conversationId={conversation.data.id}
            />
          )}
          <DraftActions
            key={`${draft.data.id}-${draft.data.status}`}
            draft={draft.data}
            startEditing={params.get("edit") === "1"}
            startRejecting={params.get("reject") === "1"}
          />
          <section aria-labelledby="citations-title" className="card">
            <h2 id="citations-title">{t("draft.citations")}</h2>
            <CitationList citations={draft.data.citations} />
          </section>
        </div>
        <div className="col-side">
          {conversation.data && <CustomerCard conversation={conversation.data} />}
          {draft.data.customer && <AppDataCard customer={draft.data.customer} />}
          <TriageCard triage={draft.data.triage} />
          <GateList gates={draft.data.gates} />
          <TrustDecision draft={draft.data} />
          <ModelCalls usage={draft.data.usage} />
          {roleAtLeast(role, "admin") && <AuditTimeline traceIds={[draft.data.traceId]} />}
        </div>
      </div>
    </>
  );
}
