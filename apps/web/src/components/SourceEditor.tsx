import { useId, useRef } from "react";
import { useT } from "../i18n/useT.js";
import type { FieldIssue } from "../lib/procedures.js";

/**
 * A YAML/JSON text area whose refused fields are listed under it with their line; choosing one
 * puts the caret on that line, so the person lands where the API pointed.
 */
export function SourceEditor({
  label,
  value,
  onChange,
  issues,
  rows = 24,
}: {
  label: string;
  value: string;
  onChange: (next: string) => void;
  issues: FieldIssue[];
  rows?: number;
}) {
  const t = useT();
  const id = useId();
  const area = useRef<HTMLTextAreaElement>(null);
  const goTo = (line: number) => {
    const el = area.current;
    if (!el) return;
    const start =
      value
        .split("\n")
        .slice(0, line - 1)
        .join("\n").length + (line > 1 ? 1 : 0);
    const end = value.indexOf("\n", start);
    el.focus();
    el.setSelectionRange(start, end === -1 ? value.length : end);
    // Lines never wrap (white-space: pre), so the line's offset is its index times the line height.
    const lineHeight = Number.parseFloat(getComputedStyle(el).lineHeight) || 20;
    el.scrollTop = Math.max(0, (line - 3) * lineHeight);
  };
  return (
    <div className="source-editor">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        ref={area}
        className="code"
        rows={rows}
        spellCheck={false}
        value={value}
        aria-invalid={issues.length > 0}
        aria-describedby={issues.length > 0 ? `${id}-issues` : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      {issues.length > 0 && (
        <ul id={`${id}-issues`} className="issues" aria-label={t("procedures.editor.issues")}>
          {issues.map((issue) => (
            <li key={`${issue.field}-${issue.message}`} className="error">
              {issue.line !== null ? (
                <button type="button" className="link" onClick={() => goTo(issue.line as number)}>
                  {t("procedures.editor.line", { line: issue.line })}
                </button>
              ) : null}{" "}
              <code>{issue.field}</code> <span lang="en">{issue.message}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
