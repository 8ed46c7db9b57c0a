import { createApp, createOrganization, type Database } from "@support/db";
import { type Embedder, HashedNgramEmbedder } from "@support/knowledge";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  addCannedResponses,
  addConversationSource,
  createSource,
  deleteSource,
  EmbeddedKnowledgeIndex,
  findCannedResponse,
  type KnowledgeDeps,
  type KnowledgeDocument,
  listSources,
  processSource,
  type ServiceContext,
  SHARED_NAMESPACE,
  searchKnowledge,
} from "../src/index.js";
import { dialects } from "./dialects.js";
import { testContext, testPlatform } from "./harness.js";

/** The real embedder, counting what it is asked to embed (to prove re-syncs embed only changes). */
class CountingEmbedder implements Embedder {
  private readonly inner = new HashedNgramEmbedder();
  readonly name = this.inner.name;
  readonly dimensions = this.inner.dimensions;
  embedded = 0;
  async embed(texts: string[]) {
    this.embedded += texts.length;
    return this.inner.embed(texts);
  }
}

const billing: KnowledgeDocument = {
  format: "markdown",
  title: "Billing guide",
  url: "https://help.example.com/billing",
  markdown: [
    "# Billing",
    "## Refunds",
    "Refunds for annual plans are issued within 5 business days to the original card.",
    "## Invoices",
    "Download invoices as PDF from Settings, then Billing, then Invoices.",
    "## Plan changes",
    "Upgrading takes effect immediately; downgrades apply at the next renewal.",
  ].join("\n\n"),
};

const unique = () => Math.random().toString(36).slice(2, 10);

for (const dialect of dialects) {
  if (dialect.skipReason) console.warn(`[skip] ${dialect.name} knowledge suite: ${dialect.skipReason}`);
  describe.skipIf(Boolean(dialect.skipReason))(`knowledge services on ${dialect.name}`, () => {
    let database: Database;
    let deps: KnowledgeDeps;
    let embedder: CountingEmbedder;
    let ctx: ServiceContext;
    let orgId: string;
    let appId: string;
    let otherAppId: string;
    /** An admin of the organization, with these knowledge adapters. */
    const adminWith = (knowledge: KnowledgeDeps) => testContext(testPlatform(database, { knowledge }), orgId, "admin");

    beforeAll(async () => {
      database = await dialect.open();
      embedder = new CountingEmbedder();
      deps = { db: database.db, embedder, index: new EmbeddedKnowledgeIndex(database.db) };
      const org = await createOrganization(database.db, { name: "K", slug: `k-${unique()}` });
      orgId = org.id;
      ctx = adminWith(deps);
      appId = (await createApp(database.db, orgId, { slug: "acme", name: "Acme" })).id;
      otherAppId = (await createApp(database.db, orgId, { slug: "other", name: "Other" })).id;
    });
    afterAll(async () => database?.close());

    const ingest = async (
      namespace: string,
      document: KnowledgeDocument,
      kind: "manual" | "file" | "qa" = "manual",
    ) => {
      const source = await createSource(ctx, { namespace, kind, title: document.title, documents: [document] });
      const progress: number[] = [];
      const done = await processSource(ctx, source.id, { onProgress: (p) => progress.push(p.done) });
      return { source: done, progress };
    };

    it("ingests Markdown through pending → processing → ready with progress, and finds it by meaning", async () => {
      const { source, progress } = await ingest(appId, billing);
      expect(source).toMatchObject({ status: "ready", error: null, progress: { done: 3, total: 3 } });
      expect(progress.at(-1)).toBe(3);
      const result = await searchKnowledge(deps, {
        orgId,
        appId,
        query: "when are refunds for annual plans issued?",
        k: 3,
      });
      expect(result.relevant).toBe(true);
      expect(result.passages[0]).toMatchObject({
        sourceId: source.id,
        title: "Billing guide > Billing > Refunds",
        url: "https://help.example.com/billing",
        retriever: "hybrid",
      });
      expect(result.passages[0]?.id).toMatch(/^chk_[0-9a-f]{32}$/);
    });

    it("says nothing is relevant for an off-topic question, and strips quoted history from the query", async () => {
      const offTopic = await searchKnowledge(deps, {
        orgId,
        appId,
        query: "what is the weather in Lisbon tomorrow",
        k: 3,
      });
      expect(offTopic.relevant).toBe(false);
      const reply = await searchKnowledge(deps, {
        orgId,
        appId,
        query: "Where do I get my invoices?\n\nThanks,\nJo\n\nOn Monday, Support wrote:\n> Refunds take 5 days",
        k: 1,
      });
      expect(reply.passages[0]?.title).toBe("Billing guide > Billing > Invoices");
    });

    it("searches the app's namespace plus the shared one, never another app's or another org's", async () => {
      await ingest(
        SHARED_NAMESPACE,
        {
          format: "qa",
          title: "Security FAQ",
          url: null,
          pairs: [{ question: "Do you support two-factor authentication?", answer: "Yes, with any TOTP app." }],
        },
        "qa",
      );
      await ingest(otherAppId, {
        format: "markdown",
        title: "Other product",
        url: null,
        markdown: "Two-factor authentication is configured by your administrator.",
      });
      const mine = await searchKnowledge(deps, { orgId, appId, query: "two-factor authentication", k: 5 });
      expect(mine.passages.map((p) => p.title)).toContain("Do you support two-factor authentication?");
      expect(mine.passages.map((p) => p.title)).not.toContain("Other product");
      const otherOrg = await createOrganization(database.db, { name: "X", slug: `x-${unique()}` });
      const foreign = await searchKnowledge(deps, { orgId: otherOrg.id, appId, query: "refunds", k: 5 });
      expect(foreign).toMatchObject({ passages: [], relevant: false });
    });

    it("filters by source kind", async () => {
      const onlyFiles = await searchKnowledge(deps, {
        orgId,
        appId,
        query: "refunds two-factor",
        k: 5,
        filters: { kinds: ["qa"] },
      });
      expect(onlyFiles.passages.length).toBeGreaterThan(0);
      expect(onlyFiles.passages.every((p) => p.title.includes("two-factor"))).toBe(true);
    });

    it("re-syncs by embedding only changed chunks and deleting vanished ones", async () => {
      const { source } = await ingest(appId, { ...billing, title: "Billing v1", url: null });
      const before = embedder.embedded;
      const changed = billing.markdown
        .replace("5 business days", "10 business days")
        .replace(/## Plan changes[\s\S]*$/, "");
      const resynced = await processSource(ctx, source.id, {
        fetchDocuments: async () => ({
          documents: [{ ...billing, title: "Billing v1", url: null, markdown: changed }],
        }),
      });
      expect(resynced).toMatchObject({ status: "ready", progress: { done: 2, total: 2 } });
      expect(embedder.embedded - before).toBe(1);
      const result = await searchKnowledge(deps, {
        orgId,
        appId,
        query: "refund business days",
        k: 5,
        filters: { sourceIds: [source.id] },
      });
      expect(result.passages.map((p) => p.text).join(" ")).toContain("10 business days");
      expect(result.passages.map((p) => p.text).join(" ")).not.toContain("5 business days");
      expect(result.passages.some((p) => p.title.endsWith("Plan changes"))).toBe(false);
    });

    it("keeps one source from taking every slot when others have something", async () => {
      const result = await searchKnowledge(deps, { orgId, appId, query: "billing refunds invoices plans", k: 4 });
      const sources = new Set(result.passages.map((p) => p.sourceId));
      expect(sources.size).toBeGreaterThan(1);
      for (const id of sources) expect(result.passages.filter((p) => p.sourceId === id).length).toBeLessThanOrEqual(2);
    });

    it("reports an empty document as an error with a reason, and deletes sources with their chunks", async () => {
      const { source: empty } = await ingest(appId, {
        format: "markdown",
        title: "Empty",
        url: null,
        markdown: "  \n",
      });
      expect(empty).toMatchObject({ status: "error", error: "the source has no text to index" });
      const { source } = await ingest(appId, {
        format: "markdown",
        title: "Shipping",
        url: null,
        markdown: "Parcels ship from Rotterdam within 48 hours.",
      });
      expect((await searchKnowledge(deps, { orgId, appId, query: "Rotterdam parcels", k: 1 })).relevant).toBe(true);
      await deleteSource(ctx, source.id);
      const after = await searchKnowledge(deps, { orgId, appId, query: "Rotterdam parcels", k: 3 });
      expect(after.passages.some((p) => p.sourceId === source.id)).toBe(false);
      const listed = await listSources(ctx, { app: appId, limit: 100 });
      expect(listed.data.map((s) => s.id)).not.toContain(source.id);
      expect(listed.data.map((s) => s.id)).toContain(empty.id);
    });

    it("stores resolved conversations redacted and macros as passages of their own kinds", async () => {
      const conversation = await addConversationSource(ctx, {
        app: appId,
        question: "Hi, I'm sam@example.org, my parcel to 10 Downing Street never came. Call me on +44 20 7946 0958",
        answer: "Sorry Sam! Lost parcels are re-shipped for free once the carrier confirms the loss.",
      });
      const macros = await addCannedResponses(ctx, {
        app: appId,
        title: "Macros",
        responses: [{ title: "Lost parcel", body: "We re-ship lost parcels for free." }],
      });
      await processSource(ctx, conversation.id);
      await processSource(ctx, macros.id);
      const found = await searchKnowledge(deps, {
        orgId,
        appId,
        query: "my parcel never came",
        k: 5,
        filters: { kinds: ["conversation", "macro"] },
      });
      expect(found.passages.map((p) => p.sourceId).sort()).toEqual([conversation.id, macros.id].sort());
      const stored = JSON.stringify(found.passages);
      expect(stored).not.toMatch(/sam@example|Downing|7946/);
      expect(stored).toContain("[email]");
      const canned = await findCannedResponse(deps, { orgId, appId, message: "My parcel is lost!\n\nThanks,\nSam" });
      expect(canned?.passage.text).toBe("We re-ship lost parcels for free.");
      expect(await findCannedResponse(deps, { orgId, appId, message: "Can I pay by bank transfer?" })).toBeUndefined();
    });

    it("tells the index port what to upsert and remove, so a hosted index stays in step", async () => {
      const calls: string[] = [];
      const embedded = new EmbeddedKnowledgeIndex(database.db);
      const recording: KnowledgeDeps = {
        ...deps,
        index: {
          name: "recording",
          upsert: async (_org, chunks) => {
            calls.push(...chunks.map((c) => `upsert ${c.namespace} ${c.title} ${c.vector.length}`));
          },
          remove: async (_org, namespace, ids) => {
            calls.push(...ids.map(() => `remove ${namespace}`));
          },
          query: (org, namespaces, query) => embedded.query(org, namespaces, query),
        },
      };
      const doc = { format: "markdown" as const, title: "Port", url: null, markdown: "## A\n\nalpha\n\n## B\n\nbeta" };
      const recorded = adminWith(recording);
      const source = await createSource(recorded, {
        namespace: appId,
        kind: "manual",
        title: "Port",
        documents: [doc],
      });
      await processSource(recorded, source.id);
      expect(calls).toEqual([`upsert ${appId} Port > A 512`, `upsert ${appId} Port > B 512`]);
      calls.length = 0;
      await processSource(recorded, source.id, {
        fetchDocuments: async () => ({ documents: [{ ...doc, markdown: "## A\n\nalpha\n\n## B\n\ngamma" }] }),
      });
      expect(calls).toEqual([`remove ${appId}`, `upsert ${appId} Port > B 512`]);
      calls.length = 0;
      await deleteSource(recorded, source.id);
      expect(calls).toEqual([`remove ${appId}`, `remove ${appId}`]);
    });

    it("sees writes made through another process's index (the CLI while the server runs)", async () => {
      const other: KnowledgeDeps = { ...deps, index: new EmbeddedKnowledgeIndex(database.db) };
      expect((await searchKnowledge(other, { orgId, appId, query: "Reykjavik office", k: 1 })).relevant).toBe(false);
      await ingest(appId, {
        format: "markdown",
        title: "Offices",
        url: null,
        markdown: "Our Reykjavik office opens at 9.",
      });
      const found = await searchKnowledge(other, { orgId, appId, query: "Reykjavik office", k: 1 });
      expect(found.passages[0]?.title).toBe("Offices");
    });
  });
}
