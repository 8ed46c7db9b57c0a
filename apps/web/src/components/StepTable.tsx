import { useT } from "../i18n/useT.js";

/** A procedure's steps as a table: each step's id and kind, what it was given and what it did. */
export function StepTable({
  caption,
  steps,
}: {
  caption: string;
  steps: { step: string; kind: string; input?: Record<string, unknown>; output: Record<string, unknown> }[];
}) {
  const t = useT();
  const withInput = steps.some((s) => s.input !== undefined);
  return (
    <table className="steps">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t("procedures.steps.step")}</th>
          <th scope="col">{t("procedures.steps.kind")}</th>
          {withInput && <th scope="col">{t("procedures.steps.input")}</th>}
          <th scope="col">{t("procedures.steps.output")}</th>
        </tr>
      </thead>
      <tbody>
        {steps.map((s, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a step may run twice (a checklist re-checks); order is the identity
          <tr key={`${s.step}-${i}`}>
            <th scope="row">{s.step}</th>
            <td>{s.kind}</td>
            {withInput && (
              <td>
                <pre>{JSON.stringify(s.input ?? {}, null, 2)}</pre>
              </td>
            )}
            <td>
              <pre>{JSON.stringify(s.output, null, 2)}</pre>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
