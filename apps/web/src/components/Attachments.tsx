import { useT } from "../i18n/useT.js";

interface Attachment {
  fileId?: string;
  name?: string;
  contentType?: string;
  size?: number;
  url?: string;
}

/**
 * What a message carries: files the platform stored (downloaded through the conversation, so only
 * this organization's members reach them; images shown) and links a channel sent (http(s) only,
 * ingest dropped the rest).
 */
export function Attachments({ conversationId, attachments }: { conversationId: string; attachments: unknown[] }) {
  const t = useT();
  const items = attachments.filter((a): a is Attachment => typeof a === "object" && a !== null);
  if (items.length === 0) return null;
  return (
    <ul className="attachments" aria-label={t("conversation.attachments")}>
      {items.map((a) => {
        const name = a.name ?? "file";
        if (a.fileId) {
          const href = `/api/v1/conversations/${encodeURIComponent(conversationId)}/files/${encodeURIComponent(a.fileId)}`;
          return (
            <li key={a.fileId}>
              <a href={href} target="_blank" rel="noopener noreferrer">
                {a.contentType?.startsWith("image/") && <img src={href} alt="" loading="lazy" />}
                {t("conversation.attachment", { name, kilobytes: Math.max(1, Math.round((a.size ?? 0) / 1024)) })}
              </a>
            </li>
          );
        }
        return (
          <li key={`${name}-${a.url ?? ""}`}>
            {a.url ? (
              <a href={a.url} target="_blank" rel="noopener noreferrer">
                {t("conversation.attachmentLink", { name })}
              </a>
            ) : (
              name
            )}
          </li>
        );
      })}
    </ul>
  );
}
