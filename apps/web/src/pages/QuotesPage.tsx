import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ErrorNote } from "../components/ErrorNote.js";
import { Link } from "../components/Link.js";
import { QuoteForm } from "../components/QuoteForm.js";
import { ShopFrame } from "../components/ShopFrame.js";
import { useT } from "../i18n/useT.js";
import { conversationPath } from "../lib/links.js";
import { QUOTE_STATUS_LABEL, type Quote, shopClient } from "../lib/shop.js";

/** `/quotes?app=slug`: the shop's quotes (devis), per lead; PDF, sending one that waits, a new one. */
export function QuotesPage({ app }: { app: string | undefined }) {
  const t = useT();
  return (
    <ShopFrame title={t("shop.quotes.title")} app={app}>
      {(current) => <Quotes app={current.slug} />}
    </ShopFrame>
  );
}

/** A quote a person may send into its conversation: one not sent yet (waiting for approval or made by hand). */
const sendable = (q: Quote) => q.conversationId !== null && (q.status === "pending_approval" || q.status === "draft");

function Quotes({ app }: { app: string }) {
  const t = useT();
  const client = useQueryClient();
  const [conversation, setConversation] = useState("");
  const [creating, setCreating] = useState(false);
  const leads = useQuery({ queryKey: ["leads", app], queryFn: () => shopClient.leads(app) });
  const quotes = useQuery({
    queryKey: ["quotes", app, conversation],
    queryFn: () => shopClient.quotes(conversation ? { conversation } : { app }),
  });
  const send = useMutation({
    mutationFn: (id: string) => shopClient.sendQuote(id),
    onSettled: () => client.invalidateQueries({ queryKey: ["quotes", app] }),
  });
  const withConversation = (leads.data?.data ?? []).filter((l) => l.conversationId);
  const list = quotes.data?.data ?? [];
  return (
    <>
      <div className="filters">
        <label>
          {t("shop.quotes.lead")}
          <select value={conversation} onChange={(e) => setConversation(e.target.value)}>
            <option value="">{t("shop.quotes.allLeads")}</option>
            {withConversation.map((l) => (
              <option key={l.id} value={l.conversationId ?? ""}>
                {l.contact.name ?? l.contact.phone ?? l.id}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="primary" onClick={() => setCreating(true)}>
          {t("shop.quotes.new")}
        </button>
      </div>
      {creating && <QuoteForm app={app} leads={leads.data?.data ?? []} onDone={() => setCreating(false)} />}
      <ErrorNote error={quotes.error ?? send.error} />
      {quotes.isPending ? (
        <p>{t("common.loading")}</p>
      ) : list.length === 0 ? (
        <p>{t("shop.quotes.empty")}</p>
      ) : (
        <table aria-label={t("shop.quotes.title")}>
          <thead>
            <tr>
              <th>{t("shop.quotes.number")}</th>
              <th>{t("shop.quotes.customer")}</th>
              <th>{t("shop.quotes.total")}</th>
              <th>{t("common.status")}</th>
              <th>{t("shop.quotes.validUntil")}</th>
              <th>{t("common.actions")}</th>
            </tr>
          </thead>
          <tbody>
            {list.map((q) => (
              <tr key={q.id}>
                <td>{q.number}</td>
                <td>
                  {q.customer.name}
                  {q.conversationId && (
                    <>
                      {" · "}
                      <Link to={conversationPath(q.conversationId)}>{t("leads.conversation")}</Link>
                    </>
                  )}
                </td>
                <td>{q.totalText}</td>
                <td>{t.label(QUOTE_STATUS_LABEL, q.status)}</td>
                <td>{t.day(q.validUntil.slice(0, 10))}</td>
                <td>
                  <a href={shopClient.quotePdfUrl(q.id)} download={`${q.number}.pdf`}>
                    {t("shop.quotes.pdf", { number: q.number })}
                  </a>
                  {sendable(q) && (
                    <>
                      {" "}
                      <button type="button" disabled={send.isPending} onClick={() => send.mutate(q.id)}>
                        {t("shop.quotes.send", { number: q.number })}
                      </button>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
