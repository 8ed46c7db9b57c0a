import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useNotifications } from "../hooks/useData.js";
import { useT } from "../i18n/useT.js";
import { api } from "../lib/api.js";
import { attentionLink, attentionTitle, orderAttention } from "../lib/attention.js";
import { ErrorNote } from "./ErrorNote.js";
import { Link } from "./Link.js";

/**
 * Failed sends, escalations and overdue approvals, above the queue: what a person must act on.
 * New ones arrive live (`notification.created`); "Dismiss" takes one off the list for everyone.
 */
export function NeedsAttention() {
  const t = useT();
  const notifications = useNotifications();
  const client = useQueryClient();
  const dismiss = useMutation({
    mutationFn: (id: string) => api(`/api/v1/notifications/${encodeURIComponent(id)}/dismiss`, { method: "POST" }),
    onSettled: () => client.invalidateQueries({ queryKey: ["notifications"] }),
  });
  const items = orderAttention(notifications.data?.data ?? []);
  if (items.length === 0) return null;
  return (
    <section className="attention" aria-labelledby="attention-title">
      <h2 id="attention-title">{t("queue.attention.title", { count: items.length })}</h2>
      <ErrorNote error={dismiss.error} />
      <ul>
        {items.map((item) => {
          const link = attentionLink(item);
          return (
            <li key={item.id} className={`attention-${item.kind}`}>
              <strong>{t(attentionTitle(item))}</strong> {item.reason}{" "}
              {link && <Link to={link.to}>{t(link.label)}</Link>}{" "}
              <time dateTime={item.createdAt}>{t.dateTime(item.createdAt)}</time>{" "}
              <button
                type="button"
                aria-label={t("queue.attention.dismissLabel", { title: t(attentionTitle(item)) })}
                disabled={dismiss.isPending}
                onClick={() => dismiss.mutate(item.id)}
              >
                {t("queue.attention.dismiss")}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
