import { foldText } from "../text/text.js";

/**
 * Auto-replies and bounces must never be answered (two robots replying to each other never stop).
 * Headers are the reliable signal (RFC 3834 Auto-Submitted, Precedence); sender addresses and the
 * usual subjects and bodies catch channels that do not pass headers through.
 */

export type AutomatedKind = "auto_reply" | "bounce";

export interface InboundEnvelope {
  text: string;
  subject?: string;
  from?: string;
  /** Header names in any case. */
  headers?: Record<string, string>;
  /** Attachment file names: an app's category signals may be file extensions. */
  attachments?: string[];
}

const BOUNCE_SENDER = /^(mailer-daemon|postmaster|mail-daemon)@/i;
const NO_REPLY_SENDER = /^(no-?reply|do-?not-?reply|noreply-[\w-]+)@/i;
const BOUNCE_TEXT =
  /\b(undeliverable|delivery status notification|mail delivery (failed|failure|subsystem)|returned mail|could not be delivered|delivery has failed|message not delivered|non remis|no se pudo entregar|unzustellbar)\b/;
const AUTO_REPLY_TEXT =
  /\b(auto(matic|matische)? ?(reply|response|antwort)|out of (the )?office|i am (currently )?(away|on (holiday|vacation|leave))|reponse automatique|absent du bureau|je suis absente? |respuesta automatica|fuera de la oficina|abwesenheitsnotiz|ich bin (derzeit |bis )?.{0,20}abwesend|resposta automatica|fora do escritorio|risposta automatica|fuori ufficio)\b/;

export function detectAutomated(message: InboundEnvelope): { kind: AutomatedKind; reason: string } | null {
  const headers = Object.fromEntries(Object.entries(message.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
  const autoSubmitted = headers["auto-submitted"]?.toLowerCase();
  const from = message.from?.trim() ?? "";
  const subject = foldText(message.subject ?? "");
  const body = foldText(message.text.slice(0, 2000));
  if (BOUNCE_SENDER.test(from)) return { kind: "bounce", reason: `bounce sender ${from}` };
  if (BOUNCE_TEXT.test(subject) || (headers["content-type"] ?? "").includes("report-type=delivery-status")) {
    return { kind: "bounce", reason: "delivery failure notice" };
  }
  if (autoSubmitted && autoSubmitted !== "no")
    return { kind: "auto_reply", reason: `Auto-Submitted: ${autoSubmitted}` };
  if (headers["x-autoreply"] || headers["x-autorespond"]) return { kind: "auto_reply", reason: "auto-reply header" };
  if (/^(auto_reply|bulk|junk)$/i.test(headers.precedence ?? "")) {
    return { kind: "auto_reply", reason: `Precedence: ${headers.precedence}` };
  }
  if (AUTO_REPLY_TEXT.test(subject)) return { kind: "auto_reply", reason: "auto-reply subject" };
  if (NO_REPLY_SENDER.test(from)) return { kind: "auto_reply", reason: `no-reply sender ${from}` };
  if (AUTO_REPLY_TEXT.test(body.slice(0, 300))) return { kind: "auto_reply", reason: "auto-reply wording" };
  if (BOUNCE_TEXT.test(body.slice(0, 300))) return { kind: "bounce", reason: "delivery failure wording" };
  return null;
}
