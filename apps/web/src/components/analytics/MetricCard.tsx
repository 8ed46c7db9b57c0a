import { type ReactNode, useId } from "react";

/** A chart with its metric definitions as visible help text, tied to the section for assistive tech. */
export function MetricCard({
  title,
  definitions,
  children,
}: {
  title: string;
  definitions: { label: string; definition: string }[];
  children: ReactNode;
}) {
  const id = useId();
  return (
    <section className="card metric" aria-labelledby={`${id}-title`} aria-describedby={`${id}-help`}>
      <h2 id={`${id}-title`}>{title}</h2>
      <div id={`${id}-help`} className="hint">
        {definitions.map((d) => (
          <p key={d.label}>
            <strong>{d.label}:</strong> {d.definition}
          </p>
        ))}
      </div>
      {children}
    </section>
  );
}
