import { useT } from "../i18n/useT.js";
import { CHANNEL_LABEL } from "../lib/channel-fields.js";
import { draftPath } from "../lib/links.js";
import { isOpen, STATUS_LABEL } from "../lib/queue.js";
import type { Conversation, Draft } from "../lib/types.js";
import { Link } from "./Link.js";

export function QueueRow({
  draft,
  conversation,
  active,
  checked,
  onCheck,
}: {
  draft: Draft;
  conversation: Conversation | undefined;
  active: boolean;
  checked: boolean;
  onCheck: (checked: boolean) => void;
}) {
  const t = useT();
  return (
    <tr className={active ? "active" : undefined} aria-selected={active} data-draft-id={draft.id}>
      <td>
        <input
          type="checkbox"
          aria-label={t("queue.selectDraft", { id: draft.id })}
          checked={checked}
          disabled={!isOpen(draft)}
          onChange={(e) => onCheck(e.target.checked)}
        />
      </td>
      <td>
        <span className={`badge status-${draft.status}`}>{t(STATUS_LABEL[draft.status])}</span>
      </td>
      <td>{draft.category}</td>
      <td>{conversation ? t.label(CHANNEL_LABEL, conversation.channel) : "…"}</td>
      <td>{conversation?.subject ?? ""}</td>
      <td className="excerpt">
        <Link to={draftPath(draft.id)}>{draft.text.slice(0, 120) || t("queue.noDraftText")}</Link>
      </td>
      <td>
        <time dateTime={draft.createdAt}>{t.dateTime(draft.createdAt)}</time>
      </td>
    </tr>
  );
}
