import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useT } from "../i18n/useT.js";
import { PROCEDURE_STATUS_LABEL, proceduresClient, TRY_OUTCOME_LABEL } from "../lib/procedures.js";
import { ErrorNote } from "./ErrorNote.js";
import { StepTable } from "./StepTable.js";

interface Draft {
  text: string;
  attachments: string;
}

/** Attachment names as typed ("chaise.jpg, plan.pdf"): the extension is what procedures check. */
const attachmentsOf = (names: string) =>
  names
    .split(",")
    .map((n) => n.trim())
    .filter(Boolean)
    .map((name) => ({ name }));

/**
 * "Try it": a scripted conversation run through the procedure in shadow mode (the service behind
 * `skill procedures test`): every step with its inputs and outputs, nothing sent or stored.
 */
export function ProcedureTry({ app, procedureKey }: { app: string; procedureKey: string }) {
  const t = useT();
  const [email, setEmail] = useState("customer@example.com");
  const [messages, setMessages] = useState<Draft[]>([{ text: "", attachments: "" }]);
  const run = useMutation({
    mutationFn: () =>
      proceduresClient.test(app, procedureKey, {
        transcript: {
          customer: { email },
          messages: messages.map((m) => ({ text: m.text, attachments: attachmentsOf(m.attachments) })),
        },
      }),
  });
  const update = (i: number, patch: Partial<Draft>) =>
    setMessages(messages.map((m, j) => (j === i ? { ...m, ...patch } : m)));
  return (
    <section aria-labelledby="try-title" className="card">
      <h2 id="try-title">{t("procedures.try.title", { key: procedureKey })}</h2>
      <p className="hint">{t("procedures.try.hint")}</p>
      <label>
        {t("procedures.try.email")}
        <input type="email" value={email} onChange={(e) => setEmail(e.target.value)} />
      </label>
      <ol>
        {messages.map((m, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the script's messages are positional and never reordered
          <li key={i}>
            <label>
              {t("procedures.try.message", { n: i + 1 })}
              <textarea rows={2} value={m.text} onChange={(e) => update(i, { text: e.target.value })} />
            </label>
            <label>
              {t("procedures.try.attachments", { n: i + 1 })}
              <input value={m.attachments} onChange={(e) => update(i, { attachments: e.target.value })} />
            </label>
          </li>
        ))}
      </ol>
      <div className="row">
        <button type="button" onClick={() => setMessages([...messages, { text: "", attachments: "" }])}>
          {t("procedures.try.addMessage")}
        </button>
        <button type="button" onClick={() => run.mutate()} disabled={run.isPending}>
          {t("procedures.try.run")}
        </button>
      </div>
      <ErrorNote error={run.error} />
      {run.data && (
        <div aria-live="polite">
          <p>
            {t("procedures.try.outcome", {
              outcome: t(TRY_OUTCOME_LABEL[run.data.outcome]),
              status: run.data.conversationStatus
                ? t.label(PROCEDURE_STATUS_LABEL, run.data.conversationStatus)
                : t("procedures.try.unchanged"),
              language: run.data.language,
            })}
          </p>
          <StepTable caption={t("procedures.try.steps")} steps={run.data.steps} />
        </div>
      )}
    </section>
  );
}
