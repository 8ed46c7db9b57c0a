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
  if (actions.length === 0) return null;
  return (
    <div className="stack">
      <h3 id="actions-title">Actions</h3>
      <ul aria-labelledby="actions-title">
        {actions.map((a) => {
          const outcome = actionOutcome(a, executions);
          return (
            <li key={a.id}>
              {selected && onToggle ? (
                <label className="inline">
                  <input type="checkbox" checked={selected.has(a.id)} onChange={() => onToggle(a.id)} /> Run{" "}
                  <strong>{a.action}</strong> with the approval
                </label>
              ) : (
                <strong>{a.action}</strong>
              )}{" "}
              <span className="badge">{RISK_LABELS[a.risk]}</span> <span className="muted">{ROUTE_LABELS[a.via]}</span>
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
