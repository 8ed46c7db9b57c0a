import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ErrorNote } from "../components/ErrorNote.js";
import { Link } from "../components/Link.js";
import { useT } from "../i18n/useT.js";
import { conversationPath } from "../lib/links.js";
import { proceduresClient, TASK_STATUS_LABEL, type TaskView } from "../lib/procedures.js";

const STATUSES = Object.keys(TASK_STATUS_LABEL) as TaskView["status"][];

/**
 * The tasks procedures create (ADR 0111): the product's own list, closed here, and the records of
 * tasks made in ClickUp or HubSpot, which link out (they are closed there).
 */
export function TasksPage() {
  const t = useT();
  const client = useQueryClient();
  const [status, setStatus] = useState<string>("open");
  const tasks = useQuery({ queryKey: ["tasks", status], queryFn: () => proceduresClient.tasks(status || undefined) });
  const set = useMutation({
    mutationFn: (input: { id: string; status: "open" | "closed" }) => proceduresClient.setTask(input.id, input.status),
    onSuccess: () => void client.invalidateQueries({ queryKey: ["tasks"] }),
  });
  const rows = tasks.data?.data ?? [];
  return (
    <>
      <h1>{t("tasks.title")}</h1>
      <label>
        {t("common.status")}
        <select value={status} onChange={(e) => setStatus(e.target.value)}>
          <option value="">{t("tasks.anyStatus")}</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(TASK_STATUS_LABEL[s])}
            </option>
          ))}
        </select>
      </label>
      <ErrorNote error={tasks.error ?? set.error} />
      {rows.length === 0 ? (
        <p>{t("tasks.empty")}</p>
      ) : (
        <ul className="list">
          {rows.map((task) => (
            <li key={task.id} id={task.id}>
              <strong>{task.title}</strong> <span className="badge">{t(TASK_STATUS_LABEL[task.status])}</span>{" "}
              {t("tasks.provider", { provider: task.provider })}
              {task.conversationId && (
                <>
                  {" · "}
                  <Link to={conversationPath(task.conversationId)}>{t("tasks.conversation")}</Link>
                </>
              )}
              {task.url && (
                <>
                  {" · "}
                  <a href={task.url} target="_blank" rel="noreferrer">
                    {t("tasks.openExternal", { provider: task.provider })}
                  </a>
                </>
              )}
              {task.description && <p className="hint">{task.description}</p>}
              {task.provider === "embedded" && task.status === "open" && (
                <button type="button" onClick={() => set.mutate({ id: task.id, status: "closed" })}>
                  {t("tasks.markDone", { title: task.title })}
                </button>
              )}
              {task.provider === "embedded" && task.status === "closed" && (
                <button type="button" onClick={() => set.mutate({ id: task.id, status: "open" })}>
                  {t("tasks.reopen", { title: task.title })}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
