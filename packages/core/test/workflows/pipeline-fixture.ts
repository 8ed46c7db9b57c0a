import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { InngestTestEngine } from "@inngest/test";
import {
  createApp,
  createOrganization,
  type Database,
  getDraft,
  insertConversation,
  insertMessage,
  type Message,
  openDatabase,
  type SecretBox,
  upsertContact,
} from "@support/db";
import { createInngestClient, listOutboxForOrg } from "@support/engine";
import type { InngestFunction } from "inngest";
import { addTextSource, type KnowledgeDeps, processSource, searchKnowledge } from "../../src/knowledge/index.js";
import type { Notifier } from "../../src/notifications/notifier.js";
import { type Actor, OPERATOR, type ServiceContext, serviceContext, WORKFLOW } from "../../src/service/context.js";
import type { Platform, Retrieve } from "../../src/service/ports.js";
import { draftOnMessage } from "../../src/workflows/draft-on-message.js";
import { testPorts } from "../harness.js";

/**
 * A real product database (SQLite in a temp dir, migrated) and the real services over it, for
 * running one workflow function at a time with `@inngest/test`. The ports are the test
 * harness's (offline model, embedded knowledge, sandbox channels); retrieval and the notifier can
 * be swapped per test.
 */
export interface PipelineFixture {
  runtime: { database: Database; secrets: SecretBox; knowledge: KnowledgeDeps };
  /** What the workflow functions run on. */
  platform: Platform;
  /** A service context in the organization: a workflow function's unless another actor is named. */
  context: (orgId: string, actor?: Actor) => ServiceContext;
  /** Replaces the retrieval port, e.g. with one that fails like an unreachable vector store. */
  retrieve: Retrieve;
  /**
   * Tells people; silent by default (the pipeline suites do not look at it), replaced by the
   * notification suites with a recording one (`notifier-fixture.ts`).
   */
  notifier: Notifier;
  inngest: ReturnType<typeof createInngestClient>;
  close(): Promise<void>;
}

export const helpArticle = {
  title: "Resetting your password",
  body: "# Resetting your password\n\nTo reset your password, open the sign-in page and click Forgot password. We email you a reset link that works for one hour.\n",
};

export async function openPipelineFixture(): Promise<PipelineFixture> {
  const database = await openDatabase({ dataDir: mkdtempSync(join(tmpdir(), "support-fn-")) });
  await database.migrate();
  const ports = testPorts(database, {
    retrieve: (input) => fixture.retrieve(input),
    notifier: {
      post: (ctx, notification) => fixture.notifier.post(ctx, notification),
      postDailySummary: (ctx, now) => fixture.notifier.postDailySummary(ctx, now),
    },
  });
  const platform: Platform = { db: database, ports };
  const fixture: PipelineFixture = {
    runtime: { database, secrets: ports.secrets, knowledge: ports.knowledge },
    platform,
    context: (orgId, actor = WORKFLOW) => serviceContext(platform, orgId, actor),
    retrieve: (input) => searchKnowledge(ports.knowledge, input),
    notifier: { post: async () => undefined, postDailySummary: async () => undefined },
    inngest: createInngestClient({ mode: "embedded" }, { appId: "support" }),
    close: () => database.close(),
  };
  return fixture;
}

/** An organization with one app whose knowledge holds the password help article. */
export async function seedTenant(fixture: PipelineFixture) {
  const db = fixture.runtime.database.db;
  const org = await createOrganization(db, { name: "Acme", slug: `acme-${Math.random().toString(36).slice(2)}` });
  const app = await createApp(db, org.id, { slug: "shop", name: "Shop" });
  const ctx = serviceContext(fixture.platform, org.id, OPERATOR);
  const source = await addTextSource(ctx, { app: app.id, ...helpArticle });
  await processSource(ctx, source.id);
  return { orgId: org.id, appId: app.id };
}

/** A web-form conversation with the given messages, oldest first, a minute apart. */
export async function seedConversation(
  fixture: PipelineFixture,
  tenant: { orgId: string; appId: string },
  turns: { from: "customer" | "agent"; text: string }[],
  customer: { name: string } = { name: "Ada" },
) {
  const db = fixture.runtime.database.db;
  const contact = await upsertContact(db, tenant.orgId, tenant.appId, {
    email: `${customer.name.split(" ")[0]?.toLowerCase()}-${Math.random().toString(36).slice(2)}@example.com`,
    name: customer.name,
  });
  const start = Date.now() - turns.length * 60_000;
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
  const messages: Message[] = [];
  for (const [index, turn] of turns.entries()) {
    messages.push(
      await insertMessage(db, {
        orgId: tenant.orgId,
        conversationId: conversation.id,
        direction: turn.from === "customer" ? "inbound" : "outbound",
        authorKind: turn.from,
        authorName: turn.from === "customer" ? customer.name : "Sam",
        kind: "text",
        externalId: null,
        text: turn.text,
        html: null,
        attachments: null,
        metadata: null,
        inboundEventId: null,
        createdAt: new Date(start + index * 60_000),
      }),
    );
  }
  return { conversation, messages };
}

/**
 * The debounce sleep is a step Inngest resolves after the wait; a test resolves it at once. A
 * fresh list each run: the test engine appends the steps it memoizes to the list it was given.
 */
export const debounceElapsed = () => [{ id: "debounce", handler: () => null }];

/** A conversation whose customer question has a stored draft pending approval (the real draft-on-message). */
export async function pendingDraft(fixture: PipelineFixture, tenant: { orgId: string; appId: string }) {
  const { messages } = await seedConversation(fixture, tenant, [
    { from: "customer", text: "Hi, how do I reset my password? I forgot it." },
  ]);
  const [question] = messages;
  if (!question) throw new Error("seeded no message");
  const { result } = await testEngine(draftOnMessage(fixture.inngest, fixture.platform)).execute({
    events: [messageReceived(tenant, question)],
    steps: debounceElapsed(),
  });
  const attempt = result as { kind: string; draftId?: string; status?: string };
  const draft = attempt.draftId && (await getDraft(fixture.runtime.database.db, tenant.orgId, attempt.draftId));
  if (attempt.kind !== "drafted" || !draft || draft.status !== "pending_approval") {
    throw new Error(`expected a pending draft, got ${JSON.stringify(attempt)}`);
  }
  return { question, draft };
}

/** The catalog event a channel emits for a stored message. */
export function messageReceived(tenant: { orgId: string; appId: string }, message: Message) {
  return {
    name: "support/message.received" as const,
    data: {
      v: 1 as const,
      orgId: tenant.orgId,
      appId: tenant.appId,
      conversationId: message.conversationId,
      messageId: message.id,
      channel: "web" as const,
      direction: message.direction as "inbound" | "outbound",
      authorKind: message.authorKind as "customer" | "agent",
    },
  };
}

/**
 * What a function emitted: the organization's outbox events (name and data), oldest first. The
 * seeded help article's own `kb/source.added` is setup, not something a pipeline function emitted.
 */
export async function emitted(fixture: PipelineFixture, orgId: string) {
  const rows = await listOutboxForOrg(fixture.runtime.database.db, orgId, 100);
  return rows
    .filter((row) => !row.name.startsWith("kb/"))
    .map((row) => ({ name: row.name, data: row.payload as Record<string, unknown> }));
}

export function testEngine(fn: InngestFunction.Any) {
  return new InngestTestEngine({ function: fn });
}
