import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { InngestTestEngine } from "@inngest/test";
import {
  createApp,
  createOrganization,
  createSecretBox,
  type Database,
  insertConversation,
  insertMessage,
  type Message,
  openDatabase,
  type SecretBox,
  upsertContact,
} from "@support/db";
import { buildTriageModel, draftReply, type LanguageModel, triage } from "@support/decisions";
import { createInngestClient, listOutboxForOrg } from "@support/engine";
import type { InngestFunction } from "inngest";
import { draftForMessage } from "../../../src/drafts/draft-message.js";
import type { Retrieve } from "../../../src/drafts/pipeline-deps.js";
import type { PipelineContext } from "../../../src/inngest/functions/index.js";
import {
  addTextSource,
  embeddedKnowledge,
  type KnowledgeDeps,
  processSource,
  searchKnowledge,
} from "../../../src/knowledge/index.js";
import type { Notifier } from "../../../src/notifications/notifier.js";
import { createReplyAdapterRegistry, storedChannelAdapters } from "../../../src/replies/index.js";

/**
 * A real product database (SQLite in a temp dir, migrated) and the pipeline's real services over
 * it, for running one workflow function at a time with `@inngest/test`. Only the model is built
 * here: the offline model lives in @support/models (a composition choice of the product), so the
 * fixture composes the same rules-and-classifier triage and extractive drafter from @support/decisions.
 */
/** The parts of the product the workflow functions read, opened over a migrated database. */
export interface FixtureRuntime {
  database: Database;
  secrets: SecretBox;
  knowledge: KnowledgeDeps;
}

export interface PipelineFixture {
  runtime: FixtureRuntime;
  context: PipelineContext;
  /** Replaces the retrieval port, e.g. with one that fails like an unreachable vector store. */
  retrieve: Retrieve;
  /**
   * Tells people; silent by default (the pipeline suites do not look at it), replaced by the
   * notification suites with a recording one (`recording-notifier.ts`).
   */
  notifier: Notifier;
  inngest: ReturnType<typeof createInngestClient>;
  close(): Promise<void>;
}

export const helpArticle = {
  title: "Resetting your password",
  body: "# Resetting your password\n\nTo reset your password, open the sign-in page and click Forgot password. We email you a reset link that works for one hour.\n",
};

function offlineModel(): LanguageModel {
  return {
    name: "offline",
    async triage(request) {
      const model = buildTriageModel(request.categories);
      return {
        value: triage(request.message, model, { defaultLanguage: request.defaultLanguage }),
        usage: [],
        fallbackReason: null,
      };
    },
    async draft(request) {
      return { value: draftReply(request), usage: [], fallbackReason: null };
    },
  };
}

export async function openPipelineFixture(): Promise<PipelineFixture> {
  const database = await openDatabase({ dataDir: mkdtempSync(join(tmpdir(), "support-fn-")) });
  await database.migrate();
  const runtime: FixtureRuntime = {
    database,
    secrets: createSecretBox({ 1: randomBytes(32) }, 1),
    knowledge: embeddedKnowledge(database.db),
  };
  const fixture: PipelineFixture = {
    runtime,
    retrieve: (input) => searchKnowledge(runtime.knowledge, input),
    notifier: { post: async () => undefined, postDailySummary: async () => undefined },
    context: () => ({
      database: runtime.database,
      secrets: runtime.secrets,
      model: offlineModel(),
      retrieve: (input) => fixture.retrieve(input),
      replies: createReplyAdapterRegistry(
        runtime.database.db,
        storedChannelAdapters(runtime.database, runtime.secrets),
      ),
      knowledge: runtime.knowledge,
      retentionDays: 90,
      notifier: fixture.notifier,
    }),
    inngest: createInngestClient({ mode: "embedded" }, { appId: "support" }),
    close: () => runtime.database.close(),
  };
  return fixture;
}

/** An organization with one app whose knowledge holds the password help article. */
export async function seedTenant(fixture: PipelineFixture) {
  const db = fixture.runtime.database.db;
  const org = await createOrganization(db, { name: "Acme", slug: `acme-${Math.random().toString(36).slice(2)}` });
  const app = await createApp(db, org.id, { slug: "shop", name: "Shop" });
  const source = await addTextSource(fixture.runtime.knowledge, org.id, app.id, helpArticle, "test");
  await processSource(fixture.runtime.knowledge, org.id, source.id);
  return { orgId: org.id, appId: app.id };
}

/** A web-form conversation with the given messages, oldest first, a minute apart. */
export async function seedConversation(
  fixture: PipelineFixture,
  tenant: { orgId: string; appId: string },
  turns: { from: "customer" | "agent"; text: string }[],
) {
  const db = fixture.runtime.database.db;
  const contact = await upsertContact(db, tenant.orgId, tenant.appId, {
    email: `ada-${Math.random().toString(36).slice(2)}@example.com`,
    name: "Ada",
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
        authorName: turn.from === "customer" ? "Ada" : "Sam",
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

/** A conversation whose customer question has a stored draft pending approval (the real pipeline). */
export async function pendingDraft(fixture: PipelineFixture, tenant: { orgId: string; appId: string }) {
  const { messages } = await seedConversation(fixture, tenant, [
    { from: "customer", text: "Hi, how do I reset my password? I forgot it." },
  ]);
  const [question] = messages;
  if (!question) throw new Error("seeded no message");
  const attempt = await draftForMessage(fixture.context(), {
    orgId: tenant.orgId,
    conversationId: question.conversationId,
    messageId: question.id,
  });
  if (attempt.kind !== "drafted" || attempt.draft.status !== "pending_approval") {
    throw new Error(`expected a pending draft, got ${JSON.stringify(attempt)}`);
  }
  return { question, draft: attempt.draft };
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

/** What a function emitted: the organization's outbox events (name and data), oldest first. */
export async function emitted(fixture: PipelineFixture, orgId: string) {
  const rows = await listOutboxForOrg(fixture.runtime.database.db, orgId, 100);
  return rows.map((row) => ({ name: row.name, data: row.payload as Record<string, unknown> }));
}

export function testEngine(fn: InngestFunction.Any) {
  return new InngestTestEngine({ function: fn });
}
