import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useT } from "../i18n/useT.js";
import { type Lead, shopClient } from "../lib/shop.js";
import { ErrorNote } from "./ErrorNote.js";

const LANGUAGES = ["fr", "mg", "en"] as const;

/**
 * A quote made by hand: products and quantities (prices are the catalogue's, never typed), the
 * customer, and optionally the lead whose conversation it belongs to (it can then be sent there).
 */
export function QuoteForm({ app, leads, onDone }: { app: string; leads: Lead[]; onDone: () => void }) {
  const t = useT();
  const client = useQueryClient();
  const [lines, setLines] = useState([{ key: 0, sku: "", quantity: 1 }]);
  const products = useQuery({ queryKey: ["products", app, ""], queryFn: () => shopClient.products(app) });
  const active = (products.data?.data ?? []).filter((p) => p.active);
  const create = useMutation({
    mutationFn: (body: Record<string, unknown>) => shopClient.createQuote(body),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ["quotes", app] });
      onDone();
    },
  });
  const withConversation = leads.filter((l) => l.conversationId);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const lead = withConversation.find((l) => l.id === form.get("lead"));
    const phone = String(form.get("phone") ?? "").trim();
    create.mutate({
      app,
      ...(lead?.conversationId ? { conversation: lead.conversationId } : {}),
      customer: { name: String(form.get("customer") ?? "").trim(), phone: phone || null },
      lines: lines.filter((l) => l.sku).map((l) => ({ sku: l.sku, quantity: l.quantity })),
      language: form.get("language"),
    });
  };
  const setLine = (key: number, change: Partial<{ sku: string; quantity: number }>) =>
    setLines((all) => all.map((l) => (l.key === key ? { ...l, ...change } : l)));
  return (
    <form className="card stack" aria-label={t("shop.quotes.new")} onSubmit={submit}>
      <h2>{t("shop.quotes.new")}</h2>
      <div className="row">
        <label>
          {t("shop.quotes.customer")}
          <input name="customer" required maxLength={200} />
        </label>
        <label>
          {t("shop.quotes.phone")}
          <input name="phone" type="tel" maxLength={40} />
        </label>
        <label>
          {t("shop.quotes.lead")}
          <select name="lead" defaultValue="">
            <option value="">{t("shop.quotes.noLead")}</option>
            {withConversation.map((l) => (
              <option key={l.id} value={l.id}>
                {l.contact.name ?? l.contact.phone ?? l.id}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("shop.quotes.language")}
          <select name="language" defaultValue="fr">
            {LANGUAGES.map((code) => (
              <option key={code} value={code}>
                {t.language(code)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {lines.map((line, index) => (
        <fieldset key={line.key} className="row">
          <legend>{t("shop.quotes.line", { n: index + 1 })}</legend>
          <label>
            {t("shop.quotes.product")}
            <select value={line.sku} required onChange={(e) => setLine(line.key, { sku: e.target.value })}>
              <option value="">{t("shop.quotes.chooseProduct")}</option>
              {active.map((p) => (
                <option key={p.id} value={p.sku}>
                  {p.title} ({p.priceText})
                </option>
              ))}
            </select>
          </label>
          <label>
            {t("shop.quotes.quantity")}
            <input
              type="number"
              min={1}
              max={100000}
              value={line.quantity}
              onChange={(e) => setLine(line.key, { quantity: Math.max(1, Number(e.target.value) || 1) })}
            />
          </label>
        </fieldset>
      ))}
      <div className="row">
        <button
          type="button"
          onClick={() => setLines((all) => [...all, { key: (all.at(-1)?.key ?? 0) + 1, sku: "", quantity: 1 }])}
        >
          {t("shop.quotes.addLine")}
        </button>
      </div>
      <ErrorNote error={create.error} />
      <div className="row">
        <button type="submit" className="primary" disabled={create.isPending}>
          {t("shop.quotes.create")}
        </button>
        <button type="button" onClick={onDone}>
          {t("common.cancel")}
        </button>
      </div>
    </form>
  );
}
