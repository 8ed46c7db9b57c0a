import type { AppSettings } from "./types.js";

/** The autonomy form's values as the PATCH body's settings; the list is comma separated. */
export function autonomySettings(form: Record<string, string>, shadowMode: boolean): Partial<AppSettings> {
  const num = (name: string) => Number(form[name]);
  return {
    autonomyTier: form.autonomyTier as AppSettings["autonomyTier"],
    trustThreshold: num("trustThreshold"),
    confidenceFloor: num("confidenceFloor"),
    minOutcomes: Math.round(num("minOutcomes")),
    neverAutoSend: (form.neverAutoSend ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean),
    shadowMode,
  };
}
