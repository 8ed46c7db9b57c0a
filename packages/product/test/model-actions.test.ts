import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  type DraftAction,
  type GatheredContext,
  loadDraftInputs,
  planDraft,
  serviceContext,
  storeDraft,
  WORKFLOW,
} from "@support/core";
import {
  createApp,
  createOrganization,
  type Database,
  insertConversation,
  insertMessage,
  upsertContact,
} from "@support/db";
import type { RetrievedPassage } from "@support/decisions";
import { createAnthropicModel, DRAFT_SYSTEM_PROMPT } from "@support/models";
import { type FakeReply, startFakeAnthropic, toolUse, toolUses } from "@support/models/testing";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { loadConfig, openProduct, type Product } from "../src/index.js";

/**
 * Claude proposing actions beside its draft, through the drafting steps: the Anthropic adapter
 * against the fake Messages API, the real steps (load, plan, store) over an embedded SQLite
 * database, and the draft as it is stored. The product app's data is the gather step's answer,
 * given directly.
 */

const KEY = "sk-ant-actions";
let product: Product;
let database: Database;
let tenant: { orgId: string; appId: string };
let fake: Awaited<ReturnType<typeof startFakeAnthropic>> | undefined;

beforeAll(async () => {
  product = await openProduct(loadConfig({ DATA_DIR: mkdtempSync(join(tmpdir(), "support-model-actions-")) }));
  database = product.database;
  const org = await createOrganization(database.db, { name: "Shop", slug: `shop-${Date.now()}` });
  const app = await createApp(database.db, org.id, { slug: "courses", name: "Courses" });
  tenant = { orgId: org.id, appId: app.id };
});
afterAll(() => product.close());
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const refundPassage: RetrievedPassage = {
  id: "psg_refunds",
  sourceId: "src_refunds",
  title: "Refunds",
  url: null,
  text: "You can ask for a refund of any course within 30 days of purchase.",
  score: 9,
};

const gathered: GatheredContext = {
  user: { id: "usr_ada", email: "ada@example.com", name: "Ada" },
  purchases: [
    {
      id: "pur_course",
      productName: "TypeScript Pro course",
      amount: 9900,
      currency: "EUR",
      purchasedAt: "2026-11-10T08:30:00.000Z",
      status: "paid",
    },
    {
      id: "pur_ebook",
      productName: "Node ebook",
      amount: 1900,
      currency: "EUR",
      purchasedAt: "2026-10-01T10:00:00.000Z",
      status: "partially_refunded",
      refundedAmount: 900,
    },
  ],
  subscriptions: [],
  failures: [],
  charges: [],
  lines: [
    "Customer account usr_ada (Ada, ada@example.com).",
    "Purchase pur_course: TypeScript Pro course, 99.00 EUR on 2026-11-10, paid.",
    "Purchase pur_ebook: Node ebook, 19.00 EUR on 2026-10-01, partially_refunded, 9.00 EUR refunded.",
  ],
};

const triaged = toolUse("record_triage", {
  category: "billing",
  intent: "refund_request",
  priority: "normal",
  language: "en",
  sentiment: "neutral",
  spam: false,
  needsHuman: false,
  confidence: 0.95,
  reasons: ["asks for a refund"],
  flags: [],
});

const reply = {
  name: "write_reply",
  input: {
    text: "Hi Ada,\n\nYou can ask for a refund of any course within 30 days of purchase.\n\nBest,\nThe Courses team",
    citations: ["psg_refunds"],
    confidence: 0.9,
    needsHuman: false,
    reason: "the refund passage answers it",
  },
};

/** Ada asks for a refund; Claude answers the triage, then the draft with `proposals`. */
async function draftWith(proposals: { name: string; input: unknown }[], draftUsage = {}) {
  fake = await startFakeAnthropic(KEY, [triaged, toolUses([reply, ...proposals], draftUsage)] as FakeReply[]);
  const db = database.db;
  const contact = await upsertContact(db, tenant.orgId, tenant.appId, { email: "ada@example.com", name: "Ada" });
  const conversation = await insertConversation(db, {
    orgId: tenant.orgId,
    appId: tenant.appId,
    contactId: contact.id,
    channelKind: "web",
    externalId: `web-${Math.random().toString(36).slice(2)}`,
    subject: null,
    status: "open",
    assignee: null,
    tags: null,
    lastMessageAt: new Date(),
    closedAt: null,
  });
  const message = await insertMessage(db, {
    orgId: tenant.orgId,
    conversationId: conversation.id,
    direction: "inbound",
    authorKind: "customer",
    authorName: "Ada",
    kind: "text",
    externalId: null,
    text: "Hello, I would like a refund for the TypeScript course, it is not for me.",
    html: null,
    attachments: null,
    metadata: null,
    inboundEventId: null,
    createdAt: new Date(),
  });
  const ports = {
    ...product.ports,
    model: createAnthropicModel({ apiKey: KEY, baseUrl: fake.url, model: "claude-sonnet-5-5", maxRetries: 0 }),
    retrieve: async () => ({ passages: [refundPassage], relevant: true }),
  };
  const ctx = serviceContext({ db: database, ports }, tenant.orgId, WORKFLOW);
  const inputs = await loadDraftInputs(ctx, { conversationId: conversation.id, messageId: message.id });
  if (inputs.kind !== "ready") throw new Error(`expected a message to draft for, got ${inputs.reason}`);
  const plan = await planDraft(ctx, inputs, gathered);
  if (plan.kind !== "planned") throw new Error(`expected a planned draft, got ${plan.reason}`);
  return (await storeDraft(ctx, plan)).draft;
}

const reasonsOf = (draft: { decision: unknown }) => (draft.decision as { reasons: string[] }).reasons;

describe("actions proposed by Claude with the draft", () => {
  it("stores a valid refund as approval_required, with the risk class from ACTION_RISK and not from the model", async () => {
    const draft = await draftWith(
      [
        {
          name: "refund",
          // Fields outside the contract (a risk class the model made up) are not kept.
          input: { purchaseId: "pur_course", reason: "the course is not for her", risk: "read", autoApprovable: true },
        },
      ],
      { cache_read_input_tokens: 1200 },
    );
    expect(draft.status).toBe("pending_approval");
    expect(draft.actions as DraftAction[]).toEqual([
      {
        id: "a1",
        action: "refund",
        input: { purchaseId: "pur_course", amount: 9900, reason: "the course is not for her" },
        risk: "approval_required",
        autoApprovable: false,
        via: "app",
        reason: "Refund 99.00 EUR for TypeScript Pro course bought 2026-11-10. Proposed by the model.",
      },
    ]);
    expect(reasonsOf(draft)).toContain("waits for approval of refund");

    // The offered tools: the reply first, then what the app can do and Ada's data makes possible.
    const [triageCall, draftCall] = fake?.requests ?? [];
    const tools = draftCall?.body.tools as { name: string; input_schema: { required?: string[] } }[];
    expect(tools.map((t) => t.name)).toEqual([
      "write_reply",
      "refund",
      "generateMagicLink",
      "revokeAccess",
      "transferPurchase",
      "updateEmail",
    ]);
    expect(tools[1]?.input_schema.required).toEqual(["purchaseId", "reason"]);
    // The system prompt is still the static one, marked for caching, whatever tools are offered.
    expect(draftCall?.body.system).toEqual([
      { type: "text", text: DRAFT_SYSTEM_PROMPT, cache_control: { type: "ephemeral" } },
    ]);
    expect(triageCall?.body.system).toMatchObject([{ cache_control: { type: "ephemeral" } }]);

    // Tokens and cost of both calls are recorded with the draft; the draft call read 1200 tokens from the cache.
    const usage = draft.usage as { inputTokens: number; cacheReadInputTokens: number; costUsd: number }[];
    expect(usage).toHaveLength(2);
    expect(usage[1]).toMatchObject({ inputTokens: 100, cacheReadInputTokens: 1200 });
    // Sonnet 5.5: 100 x $2 + 50 x $10 + 1200 x $0.10 per million tokens
    expect(usage[1]?.costUsd).toBeCloseTo(0.00082, 10);
  });

  it.each([
    [
      "a refund of a purchase the customer does not have",
      { name: "refund", input: { purchaseId: "pur_someone_else", reason: "x" } },
      "dropped the model's refund: purchase pur_someone_else is not one of the customer's",
    ],
    [
      "a refund above what is left to refund",
      { name: "refund", input: { purchaseId: "pur_ebook", amount: 1900, reason: "x" } },
      "dropped the model's refund: 19.00 EUR is more than the 10.00 EUR left to refund on pur_ebook",
    ],
    [
      "an unknown tool",
      { name: "delete_account", input: { userId: "usr_ada" } },
      "dropped the model's delete_account: not an action that was offered",
    ],
    [
      "malformed input",
      { name: "refund", input: { purchaseId: 42 } },
      "dropped the model's refund: malformed input (purchaseId: Invalid input: expected string, received number; reason: Invalid input: expected string, received undefined)",
    ],
  ])("drops %s, tells the approver why, and stores no action", async (_, proposal, reason) => {
    const draft = await draftWith([proposal]);
    expect(draft.actions).toEqual([]);
    expect(reasonsOf(draft)).toContain(reason);
    // The reply itself is kept: only the proposal was wrong.
    expect(draft.text).toContain("within 30 days");
  });

  it("keeps the valid proposals of an answer that also has an invalid one", async () => {
    // On the course, the purchase Ada's message names (a refund of another one would be dropped too).
    const draft = await draftWith([
      { name: "refund", input: { purchaseId: "pur_course", amount: 1000, reason: "x" } },
      { name: "refund", input: { purchaseId: "pur_course", amount: 500, reason: "again" } },
    ]);
    expect((draft.actions as DraftAction[]).map((a) => a.input)).toEqual([
      { purchaseId: "pur_course", amount: 1000, reason: "x" },
    ]);
    expect(reasonsOf(draft)).toContain("dropped the model's refund: a second refund of pur_course");
  });
});
