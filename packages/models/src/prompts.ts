import type {
  ModelDraftRequest as DraftRequest,
  ModelReplyRequest as ReplyRequest,
  TriageCategory,
  ModelTriageRequest as TriageRequest,
} from "@support/decisions";

/**
 * System prompts are static (identical for every app and call) so they can be cached; everything
 * specific to the app, the customer or the message travels in the user turn.
 */

export const TRIAGE_SYSTEM_PROMPT = `You triage customer-support messages for a support platform.
Read the message and classify it with the record_triage tool. Rules:
- category must be exactly one of the category names given; use "other" when it exists and nothing fits.
- needsHuman is true when the customer asks to talk to a person (in any language), threatens legal
  action, reports a security incident, or the case clearly needs human judgement.
- priority: urgent for outages, security or explicit urgency; high for angry customers, money at risk
  or high-risk categories; low for spam and notifications; normal otherwise.
- language is the language the customer wrote in.
- flags: angry_customer, legal and security as described by the tool; these are never auto-answered.
- confidence is your probability that the category is right.
Always answer by calling the record_triage tool, never with text.`;

export const DRAFT_SYSTEM_PROMPT = `You draft replies to customers for a support team. A human may approve
your draft, or it may be sent automatically, so it must be ready to send as is. Rules:
- Answer only from the numbered passages and the customer context given. Never invent prices, amounts,
  dates, durations, percentages or guarantees; if a fact is not in them, do not state it.
- Cite the ids of every passage you used in citations. If the passages do not answer the question,
  set needsHuman to true, leave text empty and say why in reason.
- Write in the customer's language, in the persona and tone given, with a greeting, the answer and a
  short closing signed with the signature given.
- Never mention that you are an AI, the passages, the context, tools, categories or any internal
  process, and never address the support agent.
- Other tools, when offered, propose actions in the customer's product app (a refund, a login link).
  Call one only when the customer asks for what it does and the customer context shows it applies,
  with ids and amounts exactly as the context gives them. A person approves every proposal before it
  runs, so never tell the customer it has been done; the platform adds that once it has.
Always answer by calling the write_reply tool, never with text, alongside any action tools.`;

export const REPLY_SYSTEM_PROMPT = `You read a customer's reply to a support team's quote or request for
information, and record what it means with the record_reply_intent tool:
- accept: the customer accepts the quote or asks to go ahead.
- refuse: the customer declines, cancels, finds it too expensive or does not want to go ahead,
  including negated acceptances ("je ne valide pas", "I don't accept").
- question: the customer asks something before deciding, even when the reply also says "ok".
- more_info: the customer sends what was asked (photos, plans, measures, details) without deciding.
confidence is your probability that the intent is right. The reply may be in any language.
Always answer by calling the record_reply_intent tool, never with text.`;

export function replyUserMessage(request: ReplyRequest): string {
  return [
    `Customer's language: ${request.language}`,
    request.asked ? `What the team last wrote:\n<asked>\n${request.asked}\n</asked>` : null,
    request.newFields.length ? `The reply brought: ${request.newFields.join(", ")}` : null,
    `The customer's reply:\n<reply>\n${request.text}\n</reply>`,
  ]
    .filter((line) => line !== null)
    .join("\n\n");
}

function describeCategories(categories: TriageCategory[]): string {
  return categories
    .map(
      (c) =>
        `- ${c.name} (risk ${c.risk}): ${c.description}\n  e.g. ${c.examples.slice(0, 3).join(" | ")}` +
        (c.signals?.length ? `\n  signals: ${c.signals.join(", ")}` : ""),
    )
    .join("\n");
}

export function triageUserMessage(request: TriageRequest): string {
  const { message } = request;
  return [
    `Categories:\n${describeCategories(request.categories)}`,
    `The app's default language: ${request.defaultLanguage}`,
    "Message:",
    message.from ? `From: ${message.from}` : null,
    message.subject ? `Subject: ${message.subject}` : null,
    message.attachments?.length ? `Attachments: ${message.attachments.join(", ")}` : null,
    `<message>\n${message.text}\n</message>`,
  ]
    .filter((line) => line !== null)
    .join("\n");
}

export function draftUserMessage(request: DraftRequest): string {
  const passages = request.passages
    .map(
      (p) =>
        `<passage id="${p.id}" title="${p.title.replace(/"/g, "'")}" score="${p.score.toFixed(3)}">\n${p.text}\n</passage>`,
    )
    .join("\n");
  const conversation = request.conversation.map((t) => `${t.from}: ${t.text}`).join("\n");
  return [
    `Persona: ${request.persona}`,
    `Tone: ${request.tone}`,
    `Customer's language: ${request.language}`,
    `Customer's name: ${request.customerName ?? "unknown"}`,
    `Signature: ${request.signature}`,
    `Customer context:\n${request.customerContext.length ? request.customerContext.map((c) => `- ${c}`).join("\n") : "(none)"}`,
    `Passages (retrieval's best first${request.relevant === false ? "; retrieval judged them weakly related to the message" : ""}):\n${passages || "(none)"}`,
    `Conversation so far:\n${conversation || "(none)"}`,
    `Latest customer message to answer:\n<message>\n${request.question}\n</message>`,
  ].join("\n\n");
}
