import type { MessageId, Translator } from "../i18n/translator.js";
import { PRIORITY_LABEL } from "./queue.js";

/** Field names the dashboard knows; a field the pipeline adds later shows its own name. */
const FIELD: Partial<Record<string, MessageId>> = {
  category: "triage.field.category",
  intent: "triage.field.intent",
  priority: "triage.field.priority",
  language: "triage.field.language",
  sentiment: "triage.field.sentiment",
  spam: "triage.field.spam",
  needsHuman: "triage.field.needsHuman",
  confidence: "triage.field.confidence",
  automated: "triage.field.automated",
  flags: "triage.field.flags",
};

const SENTIMENT: Partial<Record<string, MessageId>> = {
  negative: "triage.sentiment.negative",
  neutral: "triage.sentiment.neutral",
  positive: "triage.sentiment.positive",
};

const AUTOMATED: Partial<Record<string, MessageId>> = {
  auto_reply: "triage.automated.auto_reply",
  bounce: "triage.automated.bounce",
};

export const FLAG_LABEL: Partial<Record<string, MessageId>> = {
  angry_customer: "triage.flag.angry_customer",
  legal: "triage.flag.legal",
  security: "triage.flag.security",
};

/**
 * The triage fields worth a line (scalars, then flags), each as label and value in words. Category
 * and intent are the app's own ids and stay as they are.
 */
export function triageRows(
  triage: Record<string, unknown>,
  t: Translator,
): { key: string; label: string; value: string }[] {
  const value = (key: string, v: string | number | boolean): string => {
    if (typeof v === "boolean") return v ? t("common.yes") : t("common.no");
    if (typeof v === "number") return v <= 1 ? t.number(v, 2) : t.number(v);
    if (key === "priority") return t.label(PRIORITY_LABEL, v);
    if (key === "sentiment") return t.label(SENTIMENT, v);
    if (key === "automated") return t.label(AUTOMATED, v);
    if (key === "language") return t.language(v);
    return v;
  };
  const rows = Object.entries(triage)
    .filter((e): e is [string, string | number | boolean] => ["string", "number", "boolean"].includes(typeof e[1]))
    .map(([key, v]) => ({ key, label: t.label(FIELD, key), value: value(key, v) }));
  const flags = Array.isArray(triage.flags) ? (triage.flags as string[]) : [];
  if (flags.length > 0) {
    rows.push({
      key: "flags",
      label: t.label(FIELD, "flags"),
      value: t.list(flags.map((f) => t.label(FLAG_LABEL, f))),
    });
  }
  return rows;
}
