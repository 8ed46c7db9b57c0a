import { useT } from "../../i18n/useT.js";
import { PRESETS, type RangeChoice, rangeProblem } from "../../lib/analytics.js";

/** Presets (7 / 30 / 90 days) or two chosen days, and day or week buckets. */
export function RangeControl({
  choice,
  range,
  bucket,
  onChoice,
  onBucket,
}: {
  choice: RangeChoice;
  range: { from: string; to: string };
  bucket: "day" | "week";
  onChoice: (choice: RangeChoice) => void;
  onBucket: (bucket: "day" | "week") => void;
}) {
  const t = useT();
  const custom = choice.preset === "custom" ? choice : undefined;
  const problem = custom ? rangeProblem(custom.from, custom.to, t) : null;
  return (
    <fieldset className="range-control">
      <legend>{t("analytics.range.legend")}</legend>
      <div className="row">
        {PRESETS.map((days) => (
          <button
            key={days}
            type="button"
            aria-pressed={choice.preset === days}
            onClick={() => onChoice({ preset: days })}
          >
            {t("analytics.range.last", { days })}
          </button>
        ))}
        <button
          type="button"
          aria-pressed={Boolean(custom)}
          onClick={() => onChoice({ preset: "custom", from: range.from, to: range.to })}
        >
          {t("analytics.range.custom")}
        </button>
        {custom && (
          <>
            <label>
              {t("analytics.range.from")}
              <input
                type="date"
                value={custom.from}
                max={custom.to}
                onChange={(e) => onChoice({ ...custom, from: e.target.value })}
              />
            </label>
            <label>
              {t("analytics.range.to")}
              <input
                type="date"
                value={custom.to}
                min={custom.from}
                onChange={(e) => onChoice({ ...custom, to: e.target.value })}
              />
            </label>
          </>
        )}
        <label>
          {t("analytics.range.per")}
          <select value={bucket} onChange={(e) => onBucket(e.target.value as "day" | "week")}>
            <option value="day">{t("analytics.range.day")}</option>
            <option value="week">{t("analytics.range.week")}</option>
          </select>
        </label>
      </div>
      {problem && (
        <p role="alert" className="error">
          {problem}
        </p>
      )}
    </fieldset>
  );
}
