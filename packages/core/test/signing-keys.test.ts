import { activeSigningKeys, createSecretBox, type Database, listAudit } from "@support/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ServiceContext } from "../src/service/context.js";
import { registerApp } from "../src/tenancy/apps.js";
import { describeSigningKeys, removeOldSigningKeys, rotateSigningKey } from "../src/tenancy/signing-keys.js";
import { tenant } from "./analytics/seed.js";
import { dialects } from "./dialects.js";
import { testContext, testPlatform } from "./harness.js";

const box = createSecretBox({ 1: Buffer.alloc(32, 9) }, 1);

for (const dialect of dialects) {
  describe.skipIf(Boolean(dialect.skipReason))(`webhook signing key rotation on ${dialect.name}`, () => {
    let database: Database;
    let ctx: ServiceContext;
    let orgId: string;
    let appId: string;
    let first: string;
    const liveSecrets = async () =>
      (await activeSigningKeys(database.db, orgId, appId)).map((k) => box.decrypt(k.secretCiphertext));

    beforeAll(async () => {
      database = await dialect.open();
      ({ orgId } = await tenant(database.db, "Keys"));
      ctx = testContext(testPlatform(database, { secrets: box }), orgId, "admin");
      const registered = await registerApp(ctx, { name: "Widget" });
      appId = registered.app.id;
      first = registered.signingSecret;
    });
    afterAll(async () => database?.close());

    it("adds a new secret beside the current one, both live until the old one is removed", async () => {
      expect((await describeSigningKeys(ctx, "widget")).keys.map((k) => k.version)).toEqual([1]);
      const rotated = await rotateSigningKey(ctx, "widget");
      expect(rotated.secret).toMatch(/^whsec_[\w-]{32}$/);
      expect(rotated.secret).not.toBe(first);
      expect(rotated.keys.map((k) => k.version)).toEqual([2, 1]);
      expect(JSON.stringify(rotated.keys)).not.toContain(rotated.secret);
      expect(await liveSecrets()).toEqual([first, rotated.secret]);

      const finished = await removeOldSigningKeys(ctx, "widget");
      expect(finished.keys.map((k) => k.version)).toEqual([2]);
      expect(await liveSecrets()).toEqual([rotated.secret]);
      // Nothing old left: removing again changes nothing.
      expect((await removeOldSigningKeys(ctx, "widget")).keys).toEqual(finished.keys);
    });

    it("keeps at most two live keys when rotating twice without removing", async () => {
      const second = await rotateSigningKey(ctx, "widget");
      const third = await rotateSigningKey(ctx, "widget");
      expect(third.keys.map((k) => k.version)).toEqual([4, 3]);
      expect(await liveSecrets()).toEqual([second.secret, third.secret]);
    });

    it("records each change in the audit log, without the secret", async () => {
      const audit = await listAudit(database.db, orgId, { limit: 50 });
      const actions = audit.data.filter((e) => e.subject === appId).map((e) => e.action);
      expect(actions.filter((a) => a === "signing_key.rotated")).toHaveLength(3);
      expect(actions.filter((a) => a === "signing_key.old_removed")).toHaveLength(1);
      expect(JSON.stringify(audit.data)).not.toContain("whsec_");
    });

    it("is scoped to the organization", async () => {
      const stranger = await tenant(database.db, "Stranger");
      const strangerCtx = testContext(testPlatform(database, { secrets: box }), stranger.orgId, "admin");
      await expect(rotateSigningKey(strangerCtx, "widget")).rejects.toMatchObject({ code: "not_found" });
    });

    it("lets admins rotate and remove, and refuses agents", async () => {
      const agent = { ...ctx, actor: { ...ctx.actor, role: "agent" as const } };
      await expect(rotateSigningKey(agent, "widget")).rejects.toMatchObject({ code: "forbidden" });
      await expect(removeOldSigningKeys(agent, "widget")).rejects.toMatchObject({ code: "forbidden" });
      expect((await describeSigningKeys(agent, "widget")).appId).toBe(appId);
    });
  });
}
