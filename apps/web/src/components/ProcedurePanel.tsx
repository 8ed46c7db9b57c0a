import { useQuery } from "@tanstack/react-query";
import { useT } from "../i18n/useT.js";
import {
  PROCEDURE_STATUS_LABEL,
  proceduresClient,
  RUN_STATE_LABEL,
  TASK_STATUS_LABEL,
  type TaskView,
} from "../lib/procedures.js";
import type { ConversationDetail } from "../lib/types.js";
import { StepTable } from "./StepTable.js";

type Run = ConversationDetail["procedureRuns"][number];

/** Where a procedure run stands on this conversation, from its record: fields, quote, tasks, steps. */
export function ProcedurePanel({ conversation }: { conversation: ConversationDetail }) {
  const t = useT();
  const hasRuns = conversation.procedureRuns.length > 0;
  // The run record names its tasks; their status (closed since?) is the task list's.
  const tasks = useQuery({
    queryKey: ["tasks", "conversation", conversation.id],
    queryFn: () => proceduresClient.tasksOf(conversation.id),
    enabled: hasRuns,
  });
  if (!hasRuns) return null;
  const byId = new Map((tasks.data?.data ?? []).map((task) => [task.id, task]));
  return (
    <section aria-labelledby="procedure-panel-title" className="card">
      <h2 id="procedure-panel-title">{t("procedures.panel.title")}</h2>
      {conversation.procedureStatus && (
        <p>
          {t("procedures.panel.status")}{" "}
          <span className="badge">{t.label(PROCEDURE_STATUS_LABEL, conversation.procedureStatus)}</span>
        </p>
      )}
      {conversation.procedureRuns.map((run) => (
        <RunView key={run.id} run={run} tasks={byId} />
      ))}
    </section>
  );
}

function RunView({ run, tasks }: { run: Run; tasks: Map<string, TaskView> }) {
  const t = useT();
  const fields = Object.entries(run.extracted);
  return (
    <article aria-label={t("procedures.panel.run", { key: run.procedureKey, version: run.procedureVersion })}>
      <h3>
        {t("procedures.panel.run", { key: run.procedureKey, version: run.procedureVersion })}{" "}
        <span className="badge">{t.label(RUN_STATE_LABEL, run.state)}</span>
      </h3>
      <dl>
        <dt>{t("procedures.panel.extracted")}</dt>
        <dd>
          {fields.length === 0 ? (
            t("procedures.panel.nothing")
          ) : (
            <ul>
              {fields.map(([name, value]) => (
                <li key={name}>
                  <code>{name}</code>: {JSON.stringify(value)}
                </li>
              ))}
            </ul>
          )}
        </dd>
        <dt>{t("procedures.panel.missing")}</dt>
        <dd>{run.missing ?? t("procedures.panel.nothing")}</dd>
        <dt>{t("procedures.panel.quote")}</dt>
        <dd>{run.quote ? <QuoteLine quote={run.quote} /> : t("procedures.panel.nothing")}</dd>
        <dt>{t("procedures.panel.tasks")}</dt>
        <dd>
          {run.tasks.length === 0 ? (
            t("procedures.panel.nothing")
          ) : (
            <ul>
              {run.tasks.map((task) => (
                <li key={task.id}>
                  {task.url ? (
                    <a href={task.url} target="_blank" rel="noreferrer">
                      {t("procedures.panel.task", { provider: task.provider })}
                    </a>
                  ) : (
                    <a href={`/tasks#${task.id}`}>{t("procedures.panel.task", { provider: task.provider })}</a>
                  )}{" "}
                  <span className="badge">{t.label(TASK_STATUS_LABEL, tasks.get(task.id)?.status ?? "")}</span>
                </li>
              ))}
            </ul>
          )}
        </dd>
      </dl>
      <StepTable caption={t("procedures.panel.steps")} steps={run.steps} />
    </article>
  );
}

function QuoteLine({ quote }: { quote: Record<string, unknown> }) {
  const t = useT();
  if (quote.kind !== "priced") return <>{t("procedures.panel.quoteHandoff")}</>;
  return <>{t("procedures.panel.quoteAmount", { amount: Number(quote.amount), label: String(quote.label ?? "") })}</>;
}
