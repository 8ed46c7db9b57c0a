import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  appendAudit,
  createApp,
  createOrganization,
  type Database,
  findActiveApiKeyByHash,
  getApp,
  insertApiKey,
  isId,
  listApps,
  listAudit,
  revokeApiKey,
  updateApp,
} from "../src/index.js";
import { dialectCases } from "./harness.js";

for (const dialect of dialectCases) {
  if (dialect.skipReason) console.warn(`[skip] ${dialect.name} data-layer suite: ${dialect.skipReason}`);
  describe.skipIf(Boolean(dialect.skipReason))(`data layer on ${dialect.name}`, () => {
    let database: Database;
    beforeAll(async () => {
      database = await dialect.open();
    });
    afterAll(async () => {
      await database?.close();
    });
    const unique = () => Math.random().toString(36).slice(2, 10);

    it("creates apps with prefixed ids and finds them by id or slug within the org only", async () => {
      const { db } = database;
      const orgA = await createOrganization(db, { name: "A", slug: `a-${unique()}` });
      const orgB = await createOrganization(db, { name: "B", slug: `b-${unique()}` });
      const app = await createApp(db, orgA.id, { slug: "acme", name: "Acme" });
      expect(isId("app", app.id)).toBe(true);
      expect((await getApp(db, orgA.id, "acme"))?.id).toBe(app.id);
      expect((await getApp(db, orgA.id, app.id))?.name).toBe("Acme");
      expect(await getApp(db, orgB.id, app.id)).toBeUndefined();
      expect(await getApp(db, orgB.id, "acme")).toBeUndefined();
    });

    it("rejects a duplicate slug within one org but allows it in another", async () => {
      const { db } = database;
      const orgA = await createOrganization(db, { name: "A", slug: `a-${unique()}` });
      const orgB = await createOrganization(db, { name: "B", slug: `b-${unique()}` });
      await createApp(db, orgA.id, { slug: "dup", name: "One" });
      await expect(createApp(db, orgA.id, { slug: "dup", name: "Two" })).rejects.toThrow();
      await expect(createApp(db, orgB.id, { slug: "dup", name: "Three" })).resolves.toBeDefined();
    });

    it("pages apps with a cursor and round-trips JSON settings", async () => {
      const { db } = database;
      const org = await createOrganization(db, { name: "P", slug: `p-${unique()}` });
      for (const n of [1, 2, 3]) await createApp(db, org.id, { slug: `app-${n}`, name: `App ${n}` });
      const first = await listApps(db, org.id, { limit: 2 });
      expect(first.data.map((a) => a.slug)).toEqual(["app-1", "app-2"]);
      expect(first.nextCursor).not.toBeNull();
      const second = await listApps(db, org.id, { limit: 2, cursor: first.nextCursor ?? undefined });
      expect(second.data.map((a) => a.slug)).toEqual(["app-3"]);
      expect(second.nextCursor).toBeNull();
      const updated = await updateApp(db, org.id, "app-1", { settings: { tone: "formal" } });
      expect(updated?.settings).toMatchObject({ tone: "formal", autonomyTier: "suggest" });
      const reread = await getApp(db, org.id, "app-1");
      expect(reread?.settings).toMatchObject({ tone: "formal", language: "en" });
    });

    it("finds active API keys by hash and stops finding revoked ones; revocation is org-scoped", async () => {
      const { db } = database;
      const org = await createOrganization(db, { name: "K", slug: `k-${unique()}` });
      const other = await createOrganization(db, { name: "O", slug: `o-${unique()}` });
      const hash = unique().padEnd(64, "0");
      const key = await insertApiKey(db, org.id, { name: "ci", prefix: "sk_abc", hash, role: "owner" });
      expect((await findActiveApiKeyByHash(db, hash))?.id).toBe(key.id);
      expect(await revokeApiKey(db, other.id, key.id)).toBe(false);
      expect(await findActiveApiKeyByHash(db, hash)).toBeDefined();
      expect(await revokeApiKey(db, org.id, key.id)).toBe(true);
      expect(await findActiveApiKeyByHash(db, hash)).toBeUndefined();
    });

    it("lists the audit log newest first, per org", async () => {
      const { db } = database;
      const org = await createOrganization(db, { name: "L", slug: `l-${unique()}` });
      await appendAudit(db, org.id, { actor: "cli", action: "app.created", subject: "app_1" });
      await appendAudit(db, org.id, { actor: "cli", action: "app.updated", subject: "app_1", data: { n: 1 } });
      const page = await listAudit(db, org.id, { limit: 10 });
      expect(page.data.map((e) => e.action)).toEqual(["app.updated", "app.created"]);
      expect(page.data[0]?.data).toEqual({ n: 1 });
    });
  });
}
