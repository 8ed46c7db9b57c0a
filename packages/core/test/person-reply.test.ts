import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createWhatsAppReplyAdapter, type ReplyAdapter } from "@support/channels";
import {
  createApp,
  createOrganization,
  getDraft,
  insertConversation,
  insertDraft,
  insertMessage,
  listAudit,
  listMessages,
  listSandboxMessages,
  updateApp,
  upsertContact,
} from "@support/db";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { tellCustomerAPersonWillAnswer } from "../src/delivery/handoff-notice.js";
import { replyAsPerson, resendDelivery } from "../src/delivery/person-reply.js";
import { createReplyAdapterRegistry } from "../src/delivery/registry.js";
import { loadDraftInputs } from "../src/drafting/inputs.js";
import { conversationDetail } from "../src/review/conversations.js";
import { releaseConversation, takeOverConversation } from "../src/review/takeover.js";
import { type Actor, serviceContext } from "../src/service/context.js";
import type { Ports } from "../src/service/ports.js";
import { openPipelineFixture, type PipelineFixture } from "./workflows/pipeline-fixture.js";

/** A WhatsApp Cloud API on 127.0.0.1: answers the scripted failures first, then accepts and counts. */
let vendor: { url: string; accepted: { text?: { body: string }; template?: { name: string } }[]; failNext: number[] };
let server: Server;
beforeEach(async () => {
  vendor = { url: "", accepted: [], failNext: [] };
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => {
      body += chunk;
    });
    req.on("end", () => {
      res.setHeader("content-type", "application/json");
      const failure = vendor.failNext.shift();
      if (failure) {
        res.statusCode = failure;
        res.end(JSON.stringify({ error: { message: "(#131026) Message undeliverable", code: 131026 } }));
        return;
      }
      vendor.accepted.push(JSON.parse(body));
      res.end(JSON.stringify({ messaging_product: "whatsapp", messages: [{ id: `wamid.${vendor.accepted.length}` }] }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  vendor.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterEach(() => new Promise<void>((resolve) => server.close(() => resolve())));

let fixture: PipelineFixture;
beforeAll(async () => {
  fixture = await openPipelineFixture();
});
afterAll(() => fixture.close());

const agent: Actor = { kind: "user", role: "agent", name: "user:sam" };
const db = () => fixture.runtime.database.db;

/** A conversation of a fresh organization whose customer last wrote `ageMs` ago, in the given state. */
async function seed(channel: "web" | "whatsapp", opts: { ageMs?: number; status?: string } = {}) {
  const org = await createOrganization(db(), { name: "Shop", slug: `s-${Math.random().toString(36).slice(2)}` });
  const app = await createApp(db(), org.id, { slug: "shop", name: "Shop" });
  const contact = await upsertContact(db(), org.id, app.id, {
    email: "ada@example.com",
    phone: "+261 34 12 345 67",
    name: "Ada",
  });
  const conversation = await insertConversation(db(), {
    orgId: org.id,
    appId: app.id,
    contactId: contact.id,
    channelKind: channel,
    externalId: `x-${Math.random().toString(36).slice(2)}`,
    subject: null,
    status: opts.status ?? "open",
    assignee: null,
    tags: null,
    lastMessageAt: new Date(),
    closedAt: null,
  });
  const message = await insertMessage(db(), {
    orgId: org.id,
    conversationId: conversation.id,
    direction: "inbound",
    authorKind: "customer",
    authorName: "Ada",
    kind: "text",
    externalId: null,
    text: "I want to talk to a person",
    html: null,
    attachments: null,
    metadata: null,
    inboundEventId: null,
    createdAt: new Date(Date.now() - (opts.ageMs ?? 60_000)),
  });
  return { orgId: org.id, appId: app.id, conversationId: conversation.id, messageId: message.id };
}

/** A stored draft with the columns the pipeline always fills. */
function draftRow(t: { orgId: string; appId: string; conversationId: string; messageId: string }, extra: object) {
  return insertDraft(db(), {
    orgId: t.orgId,
    appId: t.appId,
    conversationId: t.conversationId,
    messageId: t.messageId,
    category: "other",
    citations: [],
    triage: {},
    gates: [],
    decision: {},
    usage: [],
    traceId: "trace",
    ...extra,
  } as Parameters<typeof insertDraft>[1]);
}

function contextWith(orgId: string, adapter?: ReplyAdapter) {
  const ports: Ports = adapter
    ? { ...fixture.platform.ports, replies: createReplyAdapterRegistry(fixture.runtime.database, async () => adapter) }
    : fixture.platform.ports;
  return serviceContext({ db: fixture.runtime.database, ports }, orgId, agent);
}

const whatsapp = (template?: { name: string; language: string }) =>
  createWhatsAppReplyAdapter({
    accessToken: "EAAG",
    phoneNumberId: "1065",
    baseUrl: vendor.url,
    template,
    retry: { baseDelayMs: 1, maxDelayMs: 1, maxAttempts: 1 },
  });

describe("a person replies on a conversation", () => {
  it("answers an escalated conversation once per key, withdraws the pending draft and records it", async () => {
    const t = await seed("web", { status: "escalated" });
    const draft = await draftRow(t, {
      status: "pending_approval",
      text: "An AI draft",
    });
    const ctx = contextWith(t.orgId);
    const first = await replyAsPerson(ctx, t.conversationId, {
      text: "  Hello Ada, Sam here.  ",
      idempotencyKey: "k1",
    });
    const again = await replyAsPerson(ctx, t.conversationId, { text: "Hello Ada, Sam here.", idempotencyKey: "k1" });
    expect(first).toMatchObject({ status: "sent", sandbox: true, channel: "web" });
    expect(again.id).toBe(first.id);
    const outbox = await listSandboxMessages(db(), t.orgId, { appId: t.appId, limit: 10 });
    expect(outbox.data.map((m) => m.text)).toEqual(["Hello Ada, Sam here."]);
    const outbound = (await listMessages(db(), t.orgId, t.conversationId)).filter((m) => m.direction === "outbound");
    expect(outbound).toMatchObject([{ authorKind: "agent", authorName: "user:sam", text: "Hello Ada, Sam here." }]);
    expect((await getDraft(db(), t.orgId, draft.id))?.status).toBe("superseded");
    const audit = await listAudit(db(), t.orgId, { limit: 20 });
    expect(audit.data.filter((a) => a.action === "reply.person_sent")).toMatchObject([
      { actor: "user:sam", subject: t.conversationId },
    ]);
  });

  it("stores a vendor failure as a failed delivery, and a resend reaches the customer exactly once", async () => {
    const t = await seed("whatsapp", { status: "declined" });
    const ctx = contextWith(t.orgId, whatsapp());
    vendor.failNext.push(400);
    const failed = await replyAsPerson(ctx, t.conversationId, { text: "Veloma, Sam" });
    expect(failed).toMatchObject({ status: "failed" });
    expect(failed.failureReason).toMatch(/131026/);
    const resent = await resendDelivery(ctx, failed.id);
    const twice = await resendDelivery(ctx, failed.id);
    expect(resent).toMatchObject({ status: "sent", vendorMessageId: "wamid.1" });
    expect(twice.id).toBe(resent.id);
    expect(vendor.accepted).toMatchObject([{ to: "261341234567", text: { body: "Veloma, Sam" } }]);
    await expect(resendDelivery(ctx, resent.id)).rejects.toMatchObject({ code: "conflict" });
    const detail = await conversationDetail(ctx, t.conversationId);
    expect(detail.deliveries.map((d) => d.status)).toEqual(["failed", "sent"]);
    expect(detail.messages.filter((m) => m.direction === "outbound").map((m) => m.text)).toEqual(["Veloma, Sam"]);
  });

  it("resending a failed draft's delivery marks the draft sent", async () => {
    const t = await seed("whatsapp");
    const ctx = contextWith(t.orgId, whatsapp());
    vendor.failNext.push(400);
    const failed = await replyAsPerson(ctx, t.conversationId, { text: "Your parcel left today." });
    const draft = await draftRow(t, {
      status: "failed",
      text: "Your parcel left today.",
      sentText: "Your parcel left today.",
      deliveryId: failed.id,
    });
    const resent = await resendDelivery(ctx, failed.id);
    expect(await getDraft(db(), t.orgId, draft.id)).toMatchObject({ status: "sent", deliveryId: resent.id });
  });

  it("outside WhatsApp's 24 h window sends the approved template, or answers a typed error", async () => {
    const day = 25 * 60 * 60 * 1000;
    const closed = await seed("whatsapp", { ageMs: day });
    await expect(
      replyAsPerson(contextWith(closed.orgId, whatsapp()), closed.conversationId, { text: "Hello?" }),
    ).rejects.toMatchObject({ code: "channel_window_closed" });
    expect(vendor.accepted).toHaveLength(0);
    const templated = await seed("whatsapp", { ageMs: day });
    const ctx = contextWith(templated.orgId, whatsapp({ name: "follow_up", language: "fr" }));
    const delivery = await replyAsPerson(ctx, templated.conversationId, { text: "Hello?" });
    expect(delivery.status).toBe("sent");
    expect(vendor.accepted).toMatchObject([{ type: "template", template: { name: "follow_up" } }]);
  });

  it("never reaches another organization's conversation or delivery", async () => {
    const mine = await seed("web");
    const theirs = await seed("web");
    const theirCtx = contextWith(theirs.orgId);
    const delivery = await replyAsPerson(theirCtx, theirs.conversationId, { text: "Hi" });
    const ctx = contextWith(mine.orgId);
    await expect(replyAsPerson(ctx, theirs.conversationId, { text: "Hi" })).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(resendDelivery(ctx, delivery.id)).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("a person takes a conversation over", () => {
  it("withdraws the pending draft and stops drafting until released", async () => {
    const t = await seed("web");
    const draft = await draftRow(t, { status: "pending_approval", text: "An AI draft" });
    const ctx = contextWith(t.orgId);
    const taken = await takeOverConversation(ctx, t.conversationId);
    expect(taken.takenOverBy).toBe("user:sam");
    expect((await getDraft(db(), t.orgId, draft.id))?.status).toBe("superseded");
    const ids = { conversationId: t.conversationId, messageId: t.messageId };
    expect(await loadDraftInputs(ctx, ids)).toMatchObject({ kind: "skipped", reason: "taken over by user:sam" });
    const released = await releaseConversation(ctx, t.conversationId);
    expect(released.takenOverBy).toBeNull();
    expect(await loadDraftInputs(ctx, ids)).toMatchObject({ kind: "ready" });
    const actions = (await listAudit(db(), t.orgId, { limit: 20 })).data.map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(["conversation.taken_over", "conversation.released"]));
    const stranger = contextWith((await seed("web")).orgId);
    await expect(takeOverConversation(stranger, t.conversationId)).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("the customer is told a person will answer", () => {
  it("is on for an app that never set it", async () => {
    const t = await seed("web", { status: "escalated" });
    const draft = await draftRow(t, { status: "escalated", text: "", triage: { language: "mg" } });
    const sent = await tellCustomerAPersonWillAnswer(contextWith(t.orgId), {
      conversationId: t.conversationId,
      draftId: draft.id,
    });
    expect(sent?.status).toBe("sent");
    const outbox = await listSandboxMessages(db(), t.orgId, { appId: t.appId, limit: 10 });
    expect(outbox.data.map((m) => m.text)).toEqual([
      "Misaotra tamin'ny hafatrao. Hisy olona ao amin'ny ekipanay hamaly anao ao anatin'ny 4 ora.",
    ]);
  });

  it("is silent when the app turns it off; by default promises the SLA in business hours and says so outside them, once", async () => {
    const t = await seed("web", { status: "escalated" });
    const draft = await draftRow(t, { status: "escalated", text: "", triage: { language: "fr" } });
    const ctx = contextWith(t.orgId);
    const ids = { conversationId: t.conversationId, draftId: draft.id };
    await updateApp(db(), t.orgId, t.appId, { settings: { handoffNotice: false } });
    expect(await tellCustomerAPersonWillAnswer(ctx, ids)).toBeNull();
    await updateApp(db(), t.orgId, t.appId, {
      settings: {
        handoffNotice: true,
        approvalSlaHours: 2,
        businessHours: { timezone: "Europe/Paris", weekly: { mon: [["09:00", "17:00"]] } },
        outOfHoursMessage: { fr: "Nous rouvrons lundi à 9 h." },
      },
    });
    const monday = new Date("2026-11-30T10:00:00Z");
    const sent = await tellCustomerAPersonWillAnswer(ctx, ids, monday);
    expect(sent?.status).toBe("sent");
    await tellCustomerAPersonWillAnswer(ctx, ids, monday);
    const sunday = new Date("2026-11-29T10:00:00Z");
    await tellCustomerAPersonWillAnswer(ctx, { conversationId: t.conversationId }, sunday);
    const outbox = await listSandboxMessages(db(), t.orgId, { appId: t.appId, limit: 10 });
    expect(outbox.data.map((m) => m.text).reverse()).toEqual([
      "Merci pour votre message. Une personne de notre équipe vous répondra d'ici 2 heures.",
      // No draft, so no detected language: the app's (en), which has no message of its own.
      "Thank you for your message. Our team is away right now; a person will answer you as soon as we are back.",
    ]);
  });
});
