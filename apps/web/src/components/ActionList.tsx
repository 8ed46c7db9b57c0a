import { useT } from "../i18n/useT.js";
import { actionOutcome, RISK_LABELS, ROUTE_LABELS } from "../lib/actions.js";
import type { ActionExecution, DraftAction } from "../lib/types.js";

/**
 * The actions proposed with a draft: risk class, route, input and - once decided - the result.
 * While the draft is open each can be left out of the approval (unticked).
 */
export function ActionList({
  actions,
  executions,
  selected,
  onToggle,
}: {
  actions: DraftAction[];
  executions: ActionExecution[];
  /** Present while the draft waits: the ids the approval will run. */
  selected?: ReadonlySet<string>;
  onToggle?: (id: string) => void;
}) {
  const t = useT();
  if (actions.length === 0) return null;
  return (
    <div className="stack">
      <h3 id="actions-title">{t("common.actions")}</h3>
      <ul aria-labelledby="actions-title">
        {actions.map((a) => {
          const outcome = actionOutcome(a, executions, t);
          return (
            <li key={a.id}>
              {selected && onToggle ? (
                <label className="inline">
                  <input type="checkbox" checked={selected.has(a.id)} onChange={() => onToggle(a.id)} />{" "}
                  {t.rich("draft.action.run", { action: a.action, strong: (chunks) => <strong>{chunks}</strong> })}
                </label>
              ) : (
                <strong>{a.action}</strong>
              )}{" "}
              <span className="badge">{t(RISK_LABELS[a.risk])}</span>{" "}
              <span className="muted">{t(ROUTE_LABELS[a.via])}</span>
              <p>{a.reason}</p>
              <code>{JSON.stringify(a.input)}</code>
              {!selected && <p className={outcome.tone === "failed" ? "warning" : "muted"}>{outcome.label}</p>}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
