import { c, type TableDef } from "./dialect.js";

const define = <T extends TableDef>(def: T) => def;

/**
 * One draft per customer message the pipeline answered, and per new draft a person asked for
 * (`attempt` 1, 2 ...; the pipeline's own is 0). Everything that explains it is stored
 * with it: triage, citations, gate results and the autonomy decision with its inputs.
 */
export const drafts = define({
  name: "drafts",
  columns: {
    id: c.id().primary(),
    orgId: c.id().required(),
    appId: c.id().required(),
    conversationId: c.id().required(),
    /** The customer message this draft answers (one draft per message and attempt). */
    messageId: c.id().required(),
    /** 0 for the pipeline's draft; a new draft a person asked for is the replaced one's + 1. */
    attempt: c.int().requiredWithDefault(0),
    /** pending_approval, sent, auto_sent, rejected, escalated, superseded, expired, declined, failed */
    status: c.string(20).required(),
    category: c.string(64).required(),
    text: c.text().required(),
    citations: c.json().required(),
    triage: c.json().required(),
    gates: c.json().required(),
    decision: c.json().required(),
    /** Model calls (tokens, cost) made for this draft. */
    usage: c.json().required(),
    traceId: c.string(64).required(),
    sentText: c.text().optional(),
    deliveryId: c.id().optional(),
    decidedBy: c.string(100).optional(),
    decidedAt: c.time().optional(),
    /** Where the decision was made: dashboard, slack, channel, api, cli. */
    decidedVia: c.string(16).optional(),
    reason: c.text().optional(),
    /** When the approval reminder went out (one reminder, then escalation). */
    remindedAt: c.time().optional(),
    /**
     * What the gather step learnt from the product app (account, purchases, subscriptions) and
     * the calls that failed: for the approver only, never sent to the model or the customer.
     */
    customer: c.json().optional(),
    /** Actions proposed with the draft (refund, login link ...), with their risk class and route. */
    actions: c.json().optional(),
    createdAt: c.time().required(),
    updatedAt: c.time().required(),
  },
  uniques: [{ name: "drafts_message_attempt_uq", columns: ["orgId", "messageId", "attempt"] }],
  indexes: [
    { name: "drafts_status_idx", columns: ["orgId", "status", "createdAt"] },
    { name: "drafts_conversation_idx", columns: ["orgId", "conversationId"] },
    { name: "drafts_created_idx", columns: ["orgId", "createdAt"] },
  ],
});

/**
 * One outcome per decided draft (BRIEF §5): what became of it, and where the decision was made.
 * Trust per (app, category) is computed from these rows alone.
 */
export const draftOutcomes = define({
  name: "draft_outcomes",
  columns: {
    id: c.id().primary(),
    orgId: c.id().required(),
    appId: c.id().required(),
    draftId: c.id().required(),
    category: c.string(64).required(),
    /** unchanged, edited, rewritten, rejected, expired, superseded */
    outcome: c.string(16).required(),
    /** Token overlap between draft and sent text, in basis points (0-10000), when something was sent. */
    overlapBp: c.int().optional(),
    /** Whether shadow mode said this draft would have been auto-sent. */
    wouldAutoSend: c.bool().required(),
    actor: c.string(100).required(),
    surface: c.string(16).required(),
    createdAt: c.time().required(),
  },
  uniques: [{ name: "draft_outcomes_draft_uq", columns: ["orgId", "draftId"] }],
  indexes: [{ name: "draft_outcomes_trust_idx", columns: ["orgId", "appId", "category", "createdAt"] }],
});
