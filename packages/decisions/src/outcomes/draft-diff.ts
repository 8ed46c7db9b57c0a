import { words } from "../text/text.js";

/**
 * BRIEF §5 draft diff: how much of the draft survived into what a human actually sent.
 * Signatures and quoted history are stripped first so they never count as agreement.
 */

export type DiffOutcome = "unchanged" | "edited" | "rewritten";

const SIGNATURE_DELIMITER = /^(-- ?|__+|—+)$/;
const SENT_FROM = /^sent from my /i;
const REPLY_HEADER =
  /^(on .+ wrote:|le .+ a écrit ?:|el .+ escribió:|am .+ schrieb .+:|em .+ escreveu:|il .+ ha scritto:|-+ ?original message ?-+|from: .+)$/i;
const SIGN_OFF =
  /^(best|regards|best regards|kind regards|warm regards|cheers|thanks|thank you|many thanks|sincerely|cordialement|bien à vous|bonne journée|saludos|un saludo|atentamente|mit freundlichen grüßen|viele grüße|liebe grüße|atenciosamente|abraços|cordiali saluti|saluti|misaotra( betsaka)?|veloma)[,.!]?$/i;
/** A sign-off this close to the end starts the signature; earlier, it is part of the message. */
const SIGN_OFF_TAIL_LINES = 5;

/** The body a person wrote: no quoted lines, reply headers, signature or sign-off. */
export function stripSignatureAndQuotes(text: string): string {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  const kept: string[] = [];
  for (const line of lines) {
    const trimmed = line.trim();
    if (SIGNATURE_DELIMITER.test(line.trimEnd()) || SENT_FROM.test(trimmed) || REPLY_HEADER.test(trimmed)) break;
    if (trimmed.startsWith(">")) continue;
    kept.push(line);
  }
  while (kept.length > 0 && (kept.at(-1) as string).trim() === "") kept.pop();
  const signOff = kept.findIndex((line, i) => i >= kept.length - SIGN_OFF_TAIL_LINES && SIGN_OFF.test(line.trim()));
  return (signOff > 0 ? kept.slice(0, signOff) : kept).join("\n").trim();
}

/** Lowercased tokens of three characters or more, as a set. */
export function diffTokens(text: string): Set<string> {
  return new Set(words(stripSignatureAndQuotes(text)).filter((t) => t.length >= 3));
}

/** |A∩B| / max(|A|,|B|); two empty texts are identical. */
export function tokenOverlap(a: Set<string>, b: Set<string>): number {
  const larger = Math.max(a.size, b.size);
  if (larger === 0) return 1;
  let shared = 0;
  for (const token of a) if (b.has(token)) shared++;
  return shared / larger;
}

export function draftDiff(draft: string, sent: string): { overlap: number; outcome: DiffOutcome } {
  const overlap = tokenOverlap(diffTokens(draft), diffTokens(sent));
  return { overlap, outcome: overlap > 0.95 ? "unchanged" : overlap > 0.5 ? "edited" : "rewritten" };
}
