import { createApp, createOrganization, type Database } from "@support/db";
import { listOutboxForOrg } from "@support/engine";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  addCannedResponses,
  addFileSource,
  addTextSource,
  addUrlSource,
  auditLog,
  deleteSource,
  evaluateKnowledge,
  getSource,
  importCannedResponses,
  listSources,
  processSource,
  resyncSource,
  type ServiceContext,
  searchAppKnowledge,
} from "../src/index.js";
import { dialects } from "./dialects.js";
import { testContext, testPlatform } from "./harness.js";

const unique = () => Math.random().toString(36).slice(2, 10);
const returns = { app: "acme", title: "Returns", body: "# Returns\n\nReturn unworn shoes within 60 days." };

for (const dialect of dialects) {
  describe.skipIf(Boolean(dialect.skipReason))(`knowledge services on the context, ${dialect.name}`, () => {
    let database: Database;
    let orgId: string;
    let admin: ServiceContext;
    let agent: ServiceContext;
    let owner: ServiceContext;
    let stranger: ServiceContext;

    beforeAll(async () => {
      database = await dialect.open();
      const platform = testPlatform(database);
      orgId = (await createOrganization(database, { name: "K", slug: `k-${unique()}` })).id;
      await createApp(database, orgId, { slug: "acme", name: "Acme" });
      const otherOrg = (await createOrganization(database, { name: "O", slug: `o-${unique()}` })).id;
      admin = testContext(platform, orgId, "admin");
      agent = testContext(platform, orgId, "agent");
      owner = testContext(platform, orgId, "owner");
      stranger = testContext(platform, otherOrg, "owner");
    });
    afterAll(async () => database?.close());

    const outbox = async () =>
      (await listOutboxForOrg(database, orgId, 1000)).map((row) => ({ name: row.name, data: row.payload }));

    it("stores a new source pending, with its audit row and its kb/source.added event", async () => {
      const source = await addTextSource(admin, returns);
      expect(source).toMatchObject({ kind: "manual", status: "pending", progress: { done: 0, total: 0 } });
      expect(await outbox()).toContainEqual({ name: "kb/source.added", data: { v: 1, orgId, sourceId: source.id } });
      const audit = await auditLog(owner, { limit: 10 });
      expect(audit.data[0]).toMatchObject({
        actor: "key:test-admin",
        action: "knowledge_source.created",
        subject: source.id,
      });
    });

    it("refuses agents every change to knowledge: add, import, process, re-sync, delete", async () => {
      const { id } = await addTextSource(admin, { ...returns, title: "Kept" });
      const refusals = [
        addTextSource(agent, returns),
        addFileSource(agent, { app: "acme", name: "a.md", bytes: new TextEncoder().encode("# A\n\nx") }),
        addUrlSource(agent, { app: "acme", url: "https://example.com" }),
        addCannedResponses(agent, { app: "acme", title: "M", responses: [{ title: "t", body: "b" }] }),
        importCannedResponses(agent, "acme"),
        processSource(agent, id),
        resyncSource(agent, id),
        deleteSource(agent, id),
      ];
      for (const refused of refusals) await expect(refused).rejects.toMatchObject({ code: "forbidden" });
      expect((await getSource(admin, id)).status).toBe("pending");
    });

    it("lets agents list, read, search and evaluate", async () => {
      const { id } = await addTextSource(admin, { ...returns, title: "Shoes" });
      await processSource(admin, id);
      expect((await listSources(agent, { app: "acme", limit: 100 })).data.map((s) => s.id)).toContain(id);
      expect(await getSource(agent, id)).toMatchObject({ status: "ready" });
      const found = await searchAppKnowledge(agent, { app: "acme", query: "return unworn shoes", k: 3 });
      expect(found.passages[0]?.sourceId).toBe(id);
      const evaluation = await evaluateKnowledge(agent, {
        app: "acme",
        mode: "hybrid",
        k: 10,
        queries: [{ id: "q1", text: "can I return shoes" }],
        qrels: [{ query: "q1", source: id, score: 1 }],
      });
      expect(evaluation).toMatchObject({ queries: 1, metrics: { p1: 1 } });
    });

    it("re-sync: the source turns pending, with an audit row and a kb/source.sync_requested event", async () => {
      const { id } = await addTextSource(admin, { ...returns, title: "Resynced" });
      await processSource(admin, id);
      expect(await resyncSource(admin, id)).toMatchObject({ id, status: "pending" });
      expect(await outbox()).toContainEqual({ name: "kb/source.sync_requested", data: { v: 1, orgId, sourceId: id } });
      const audit = await auditLog(owner, { limit: 1 });
      expect(audit.data[0]).toMatchObject({ action: "knowledge_source.sync_requested", subject: id });
    });

    it("refuses an unreadable file with the parser's reason, and knows nothing of another organization", async () => {
      await expect(
        addFileSource(admin, { app: "acme", name: "broken.pdf", bytes: new TextEncoder().encode("%PDF-1.4 junk") }),
      ).rejects.toMatchObject({ code: "invalid_input", message: "broken.pdf is not a readable PDF" });
      await expect(addTextSource(admin, { ...returns, app: "nope" })).rejects.toMatchObject({ code: "not_found" });
      const { id } = await addTextSource(admin, { ...returns, title: "Private" });
      await expect(getSource(stranger, id)).rejects.toMatchObject({ code: "not_found" });
      await expect(deleteSource(stranger, id)).rejects.toMatchObject({ code: "not_found" });
      await expect(resyncSource(stranger, id)).rejects.toMatchObject({ code: "not_found" });
      expect((await listSources(stranger, { limit: 100 })).data).toEqual([]);
    });
  });
}
