import { useT } from "../i18n/useT.js";
import { CHANNEL_LABEL } from "../lib/channel-fields.js";
import type { ConversationDetail } from "../lib/types.js";

export function CustomerCard({ conversation }: { conversation: ConversationDetail }) {
  const t = useT();
  const contact = conversation.contact;
  return (
    <section aria-labelledby="customer-title" className="card">
      <h2 id="customer-title">{t("customer.title")}</h2>
      <dl>
        <dt>{t("common.name")}</dt>
        <dd>{contact?.name ?? t("common.unknown")}</dd>
        <dt>{t("common.email")}</dt>
        <dd>{contact?.email ?? t("common.none")}</dd>
        {contact?.phone && (
          <>
            <dt>{t("customer.phone")}</dt>
            <dd>{contact.phone}</dd>
          </>
        )}
        <dt>{t("common.channel")}</dt>
        <dd>{t.label(CHANNEL_LABEL, conversation.channel)}</dd>
        <dt>{t("common.subject")}</dt>
        <dd>{conversation.subject ?? t("common.none")}</dd>
      </dl>
    </section>
  );
}
