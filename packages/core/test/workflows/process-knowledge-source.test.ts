import { InngestTestEngine } from "@inngest/test";
import { createApp, createOrganization, type Database } from "@support/db";
import { createInngestClient } from "@support/engine";
import { type Embedder, HashedNgramEmbedder } from "@support/knowledge";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  addTextSource,
  createSource,
  EmbeddedKnowledgeIndex,
  getSource,
  processSource,
  resyncSource,
  type ServiceContext,
} from "../../src/index.js";
import type { Platform } from "../../src/service/ports.js";
import { processKnowledgeSource } from "../../src/workflows/process-knowledge-source.js";
import { dialects } from "../dialects.js";
import { testContext, testPlatform } from "../harness.js";

/** The real embedder, counting what it embeds; it fails like an unreachable service after `failAfter` calls. */
class FlakyEmbedder implements Embedder {
  private readonly inner = new HashedNgramEmbedder();
  readonly name = this.inner.name;
  readonly dimensions = this.inner.dimensions;
  embedded = 0;
  calls = 0;
  constructor(private readonly failAfter = Number.POSITIVE_INFINITY) {}
  async embed(texts: string[]) {
    if (this.calls++ >= this.failAfter) throw new Error("embedding service unavailable");
    this.embedded += texts.length;
    return this.inner.embed(texts);
  }
}

/** 100 sections: 100 chunks, two embedding batches. */
const manual = {
  app: "acme",
  title: "Manual",
  body: Array.from({ length: 100 }, (_, i) => `## Topic ${i}\n\nParagraph ${i} about widget number ${i}.`).join("\n\n"),
};
const inngest = createInngestClient({ mode: "embedded" }, { appId: "support" });

for (const dialect of dialects) {
  describe.skipIf(Boolean(dialect.skipReason))(`process-knowledge-source on ${dialect.name}`, () => {
    let database: Database;
    let orgId: string;
    let appId: string;
    let admin: ServiceContext;

    beforeAll(async () => {
      database = await dialect.open();
      orgId = (await createOrganization(database, { name: "K", slug: `k-${Math.random().toString(36).slice(2)}` })).id;
      appId = (await createApp(database, orgId, { slug: "acme", name: "Acme" })).id;
      admin = testContext(testPlatform(database), orgId, "admin");
    });
    afterAll(async () => database?.close());

    const withEmbedder = (embedder: Embedder): Platform =>
      testPlatform(database, { knowledge: { db: database, embedder, index: new EmbeddedKnowledgeIndex(database) } });
    const engine = (platform: Platform) =>
      new InngestTestEngine({ function: processKnowledgeSource(inngest, platform) });
    const added = (sourceId: string) => ({
      name: "kb/source.added" as const,
      data: { v: 1 as const, orgId, sourceId },
    });
    const storedChunks = async (sourceId: string) =>
      (await database.q.select().from(database.t.knowledgeChunks)).filter((c) => c.sourceId === sourceId).length;

    it("fetches, chunks, embeds and marks the source ready, one durable step each", async () => {
      const source = await addTextSource(admin, { ...manual, title: "Steps" });
      const { result, ctx } = await engine(withEmbedder(new FlakyEmbedder())).execute({ events: [added(source.id)] });
      expect(result).toEqual({ sourceId: source.id, outcome: "ready" });
      for (const step of ["fetch", "chunk", "embed", "finish"])
        expect(ctx.step.run).toHaveBeenCalledWith(step, expect.any(Function));
      expect(await getSource(admin, source.id)).toMatchObject({ status: "ready", progress: { done: 100, total: 100 } });
    });

    it("after a crash mid-embedding, the retried step embeds only what was not stored yet", async () => {
      const source = await addTextSource(admin, { ...manual, title: "Crash" });
      const { error } = await engine(withEmbedder(new FlakyEmbedder(1))).execute({ events: [added(source.id)] });
      expect(error).toMatchObject({ message: "embedding service unavailable" });
      expect(await getSource(admin, source.id)).toMatchObject({ status: "processing", progress: { done: 64 } });
      const resumed = new FlakyEmbedder();
      const { result } = await engine(withEmbedder(resumed)).execute({ events: [added(source.id)] });
      expect(result).toEqual({ sourceId: source.id, outcome: "ready" });
      expect(resumed.embedded).toBe(36);
      expect(await storedChunks(source.id)).toBe(100);
    });

    it("records the error on the source when the last attempt fails, and a content error at once", async () => {
      const source = await addTextSource(admin, { ...manual, title: "Last attempt" });
      const { result } = await engine(withEmbedder(new FlakyEmbedder(0))).execute({
        events: [added(source.id)],
        transformCtx: (ctx) => ({ ...ctx, attempt: 4, maxAttempts: 5 }),
      });
      expect(result).toEqual({ sourceId: source.id, outcome: "error" });
      expect(await getSource(admin, source.id)).toMatchObject({
        status: "error",
        error: "processing failed: embedding service unavailable",
      });
      const empty = await createSource(admin, {
        namespace: appId,
        kind: "manual",
        title: "Empty",
        documents: [{ format: "markdown", title: "Empty", url: null, markdown: "  \n" }],
      });
      const first = await engine(withEmbedder(new FlakyEmbedder())).execute({ events: [added(empty.id)] });
      expect(first.result).toEqual({ sourceId: empty.id, outcome: "error" });
      expect((await getSource(admin, empty.id)).error).toBe("the source has no text to index");
    });

    it("leaves a source the CLI processed alone, and processes it again when a re-sync asks", async () => {
      const source = await addTextSource(admin, { ...manual, title: "Foreground" });
      await processSource(admin, source.id);
      const embedder = new FlakyEmbedder();
      const { result } = await engine(withEmbedder(embedder)).execute({ events: [added(source.id)] });
      expect(result).toEqual({ sourceId: source.id, outcome: "skipped" });
      await resyncSource(admin, source.id);
      const resync = await engine(withEmbedder(embedder)).execute({
        events: [{ name: "kb/source.sync_requested", data: { v: 1, orgId, sourceId: source.id } }],
      });
      expect(resync.result).toEqual({ sourceId: source.id, outcome: "ready" });
      expect(embedder.embedded).toBe(0);
    });

    it("two processes indexing one source at once (the CLI and the server) store each chunk once", async () => {
      const source = await addTextSource(admin, { ...manual, title: "Twice" });
      const [a, b] = await Promise.all([processSource(admin, source.id), processSource(admin, source.id)]);
      expect([a.status, b.status]).toEqual(["ready", "ready"]);
      expect(await storedChunks(source.id)).toBe(100);
    });

    it("stops quietly when the source was deleted meanwhile", async () => {
      const { result } = await engine(withEmbedder(new FlakyEmbedder())).execute({ events: [added("kns_gone")] });
      expect(result).toEqual({ sourceId: "kns_gone", outcome: "gone" });
    });
  });
}
