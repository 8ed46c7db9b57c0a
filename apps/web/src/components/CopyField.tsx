import { useId, useState } from "react";
import { useT } from "../i18n/useT.js";

/** A read-only value with a Copy button (webhook URLs, a new API key). */
export function CopyField({ label, value }: { label: string; value: string }) {
  const t = useT();
  const id = useId();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    await navigator.clipboard.writeText(value).catch(() => undefined);
    setCopied(true);
  };
  return (
    <div className="copy">
      <label htmlFor={id}>{label}</label>
      <input id={id} readOnly value={value} onFocus={(e) => e.target.select()} />
      <button type="button" onClick={() => void copy()} aria-label={t("common.copyLabel", { label })}>
        {copied ? t("common.copied") : t("common.copy")}
      </button>
    </div>
  );
}
