import { actionClaims } from "../text/action-claims.js";
import { sentences } from "../text/text.js";

/**
 * A reply a person sent to one customer is evidence of how the business answers, never an answer
 * to copy: before it is learned, and again whenever a learned passage reaches a drafter, it keeps
 * only the sentences that hold for anyone. Dropped: the greeting and everything from the sign-off
 * on, sentences naming the customer, amounts, order and reference numbers, personal data
 * placeholders, and statements of actions taken ("I've refunded you in full"), which were true
 * for that customer only. Only a human-marked macro is reused verbatim (ADR 0090).
 */

const GREETING =
  /^\s*(?:hi|hello|hey|dear|good (?:morning|afternoon|evening)|bonjour|bonsoir|salut|coucou|cher|chère|madame|monsieur|salama|manao ahoana|miarahaba|tompoko)\b[^,!:.\n]{0,40}[,!:.]?\s*/i;
const SIGN_OFF =
  /^\s*(?:thanks|thank you|many thanks|best|best regards|kind regards|regards|cheers|warmly|sincerely|all the best|cordialement|bien à vous|bien a vous|merci|belle journée|bonne journée|amicalement|misaotra|veloma|mandra-pihaona)\b[^.!?\n]{0,40}[,!.]?\s*$/i;
const TEAM_LINE = /^\s*(?:the .{1,40} team|l['’]équipe .{1,40}|ny ekipa .{1,40}|--|—)\s*$/i;

const AMOUNT =
  /(?:[$€£¥]\s?\d)|(?:\b(?:usd|eur|gbp|mga|chf)\s?\d)|(?:\d(?:[\d.,]*\d)?\s?(?:€|\$|£|euros?\b|dollars?\b|usd\b|eur\b|gbp\b|ariary\b|mga\b|ar\b))/i;
/** Order, invoice and ticket numbers ("order #1234", "commande n° 88", long digit runs). */
const REFERENCE =
  /#\s?\d|\b(?:order|commande|invoice|facture|ticket|ref|référence|reference|n°|laharana|kaomandy)\s*(?:no\.?|number|numéro|n°)?\s*[:#]?\s*\d|\b\d{5,}\b/i;

/** An id that mixes letters and digits (ORD-1234, pur_9f2, A12B3): someone's record, not a fact. */
function hasMixedId(sentence: string): boolean {
  return sentence
    .split(/\s+/)
    .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ""))
    .some((w) => w.length >= 4 && /\p{L}/u.test(w) && /\d/.test(w));
}
const PLACEHOLDER = /\[(?:email|phone|card|address|name)\]/i;

export interface EvidenceOptions {
  /** The customer's (and anyone else's) names known to the caller, dropped wherever they appear. */
  names?: readonly (string | null | undefined)[];
}

function nameWords(names: EvidenceOptions["names"], flags = "iu"): RegExp | undefined {
  const parts = (names ?? [])
    .flatMap((n) => (n ?? "").split(/[^\p{L}\p{N}'-]+/u))
    .filter((p) => p.length >= 2)
    .map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  return parts.length ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${parts.join("|")})(?![\\p{L}\\p{N}])`, flags) : undefined;
}

/** Each word of the given names replaced by "[name]", wherever it appears (a question kept as a title). */
export function maskNames(text: string, names: EvidenceOptions["names"]): string {
  const pattern = nameWords(names, "giu");
  return pattern ? text.replace(pattern, "[name]") : text;
}

/** The lines of the reply between the greeting and the sign-off. */
function body(text: string): string[] {
  const lines = text.split(/\r?\n/);
  const first = lines.findIndex((l) => l.trim().length > 0);
  if (first < 0) return [];
  lines[first] = (lines[first] as string).replace(GREETING, "");
  const end = lines.findIndex((l, i) => i > first && (SIGN_OFF.test(l) || TEAM_LINE.test(l)));
  return lines.slice(first, end < 0 ? undefined : end);
}

/** The sentences of a past reply that may inform another customer's answer; "" when none may. */
export function asEvidence(text: string, options: EvidenceOptions = {}): string {
  const names = nameWords(options.names);
  const kept = body(text).flatMap((line) => {
    const general = sentences(line)
      .filter(
        (s) =>
          !AMOUNT.test(s) &&
          !REFERENCE.test(s) &&
          !hasMixedId(s) &&
          !PLACEHOLDER.test(s) &&
          !(names?.test(s) ?? false) &&
          actionClaims(s).length === 0,
      )
      .join(" ");
    // A line emptied by the filter leaves no gap; a blank line of the reply stays a paragraph break.
    return general || !line.trim() ? [general] : [];
  });
  return kept
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/**
 * Retrieved passages as a drafter may use them: those of learned conversations (`sourceKind`
 * "conversation") cut to their evidence, and dropped when none is left; other kinds as they are.
 * Passages learned before this rule existed are made safe here too.
 */
export function evidencePassages<P extends { text: string; sourceKind?: string }>(passages: readonly P[]): P[] {
  return passages.flatMap((passage) => {
    if (passage.sourceKind !== "conversation") return [passage];
    const text = asEvidence(passage.text);
    return text ? [{ ...passage, text }] : [];
  });
}
