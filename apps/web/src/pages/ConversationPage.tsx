import { AppDataCard } from "../components/AppDataCard.js";
import { AuditTimeline } from "../components/AuditTimeline.js";
import { ConversationDrafts } from "../components/ConversationDrafts.js";
import { CustomerCard } from "../components/CustomerCard.js";
import { CustomerRights } from "../components/CustomerRights.js";
import { ErrorNote } from "../components/ErrorNote.js";
import { Link } from "../components/Link.js";
import { ProcedurePanel } from "../components/ProcedurePanel.js";
import { ReplyComposer } from "../components/ReplyComposer.js";
import { Thread } from "../components/Thread.js";
import { TriageCard } from "../components/TriageCard.js";
import { useConversation, useConversationDrafts } from "../hooks/useData.js";
import type { MessageId } from "../i18n/translator.js";
import { useT } from "../i18n/useT.js";
import { roleAtLeast } from "../lib/roles.js";
import type { Role } from "../lib/types.js";

const CONVERSATION_STATUS: Partial<Record<string, MessageId>> = {
  open: "conversation.status.open",
  closed: "conversation.status.closed",
};

/**
 * One conversation as a whole: the thread, who the customer is, and every draft made for it.
 * Where escalations and Slack messages point; live events refresh it like the rest.
 */
export function ConversationPage({ id, role }: { id: string; role: Role | null }) {
  const t = useT();
  const conversation = useConversation(id);
  const drafts = useConversationDrafts(id);
  if (conversation.error) return <ErrorNote error={conversation.error} />;
  if (!conversation.data) return <p>{t("conversation.loading")}</p>;
  const list = drafts.data?.data;
  // The newest draft carries what the pipeline knows now: the app's data, the triage.
  const latest = list?.[0];
  return (
    <>
      <p>
        <Link to="/">{t("common.backToQueue")}</Link>
      </p>
      <h1>
        {conversation.data.subject ?? t("conversation.noSubject")}{" "}
        <span className="badge">{t.label(CONVERSATION_STATUS, conversation.data.status)}</span>
      </h1>
      <div className="columns">
        <div className="col-main">
          <Thread
            messages={conversation.data.messages}
            channel={conversation.data.channel}
            conversationId={conversation.data.id}
          />
          <ReplyComposer conversation={conversation.data} />
          <ConversationDrafts drafts={list} error={drafts.error} />
          <ProcedurePanel conversation={conversation.data} />
        </div>
        <div className="col-side">
          <CustomerCard conversation={conversation.data} />
          {latest?.customer && <AppDataCard customer={latest.customer} />}
          {latest && <TriageCard triage={latest.triage} />}
          {list && roleAtLeast(role, "admin") && <AuditTimeline traceIds={list.map((d) => d.traceId)} />}
          {roleAtLeast(role, "admin") && <CustomerRights contactId={conversation.data.contactId} />}
        </div>
      </div>
    </>
  );
}
