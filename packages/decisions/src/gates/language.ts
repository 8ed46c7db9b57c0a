import { detectLanguage } from "../text/language.js";
import { type GateResult, gateResult } from "./gate.js";

/** Clear evidence of another language fails; a text too short to tell passes with a note. */
const MIN_CONFIDENCE = 0.5;

export function languageGate(text: string, customerLanguage: string): GateResult {
  const detected = detectLanguage(text);
  if (!detected.language || detected.confidence < MIN_CONFIDENCE) {
    return { gate: "language", passed: true, reason: "language could not be determined" };
  }
  const findings = detected.language === customerLanguage ? [] : [detected.language];
  return gateResult(
    "language",
    findings,
    () => `reply is in ${detected.language}, the customer writes ${customerLanguage}`,
  );
}
