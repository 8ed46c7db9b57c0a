import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { ErrorNote } from "../components/ErrorNote.js";
import { LeadCard } from "../components/LeadCard.js";
import { ShopFrame } from "../components/ShopFrame.js";
import { useT } from "../i18n/useT.js";
import { filterLeads, LEAD_COLUMNS, LEAD_STAGE_LABEL, leadsByStage, shopClient } from "../lib/shop.js";

/** `/leads?app=slug`: the shop's pipeline, new → qualified → quoted → won / lost. */
export function LeadsPage({ app }: { app: string | undefined }) {
  const t = useT();
  return (
    <ShopFrame title={t("leads.title")} app={app}>
      {(current) => <Board app={current.slug} />}
    </ShopFrame>
  );
}

function Board({ app }: { app: string }) {
  const t = useT();
  const [owner, setOwner] = useState("");
  const [text, setText] = useState("");
  const leads = useQuery({ queryKey: ["leads", app], queryFn: () => shopClient.leads(app) });
  const all = leads.data?.data ?? [];
  const owners = [...new Set(all.map((l) => l.owner).filter((o): o is string => Boolean(o)))].sort();
  const columns = leadsByStage(filterLeads(all, { owner, text }));
  return (
    <>
      <div className="filters">
        <label>
          {t("leads.filter.owner")}
          <select value={owner} onChange={(e) => setOwner(e.target.value)}>
            <option value="">{t("leads.filter.anyOwner")}</option>
            {owners.map((o) => (
              <option key={o} value={o}>
                {o}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("leads.filter.text")}
          <input type="search" value={text} onChange={(e) => setText(e.target.value)} />
        </label>
        <a href={shopClient.leadsCsvUrl(app)} download="leads.csv">
          {t("leads.export")}
        </a>
      </div>
      <ErrorNote error={leads.error} />
      {leads.isPending ? (
        <p>{t("common.loading")}</p>
      ) : (
        <div className="board">
          {LEAD_COLUMNS.map((stage) => (
            <section key={stage} aria-label={t(LEAD_STAGE_LABEL[stage])} className="board-column">
              <h2>
                {t(LEAD_STAGE_LABEL[stage])} <span className="meta">({columns[stage].length})</span>
              </h2>
              <ul className="list">
                {columns[stage].map((lead) => (
                  <LeadCard key={`${lead.id}-${lead.updatedAt}`} app={app} lead={lead} />
                ))}
              </ul>
            </section>
          ))}
        </div>
      )}
    </>
  );
}
