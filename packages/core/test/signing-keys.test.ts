import { activeSigningKeys, createSecretBox, type Database, listAudit } from "@support/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registerApp } from "../src/apps.js";
import { describeSigningKeys, removeOldSigningKeys, rotateSigningKey } from "../src/signing-keys.js";
import { tenant } from "./analytics/seed.js";
import { dialects } from "./dialects.js";

const box = createSecretBox({ 1: Buffer.alloc(32, 9) }, 1);

for (const dialect of dialects) {
  describe.skipIf(Boolean(dialect.skipReason))(`webhook signing key rotation on ${dialect.name}`, () => {
    let database: Database;
    let orgId: string;
    let appId: string;
    let first: string;
    const liveSecrets = async () =>
      (await activeSigningKeys(database.db, orgId, appId)).map((k) => box.decrypt(k.secretCiphertext));

    beforeAll(async () => {
      database = await dialect.open();
      ({ orgId } = await tenant(database.db, "Keys"));
      const registered = await registerApp(database.db, box, orgId, { name: "Widget" }, "usr_owner");
      appId = registered.app.id;
      first = registered.signingSecret;
    });
    afterAll(async () => database?.close());

    it("adds a new secret beside the current one, both live until the old one is removed", async () => {
      expect((await describeSigningKeys(database, orgId, "widget")).keys.map((k) => k.version)).toEqual([1]);
      const rotated = await rotateSigningKey(database, box, orgId, "widget", "usr_owner");
      expect(rotated.secret).toMatch(/^whsec_[\w-]{32}$/);
      expect(rotated.secret).not.toBe(first);
      expect(rotated.keys.map((k) => k.version)).toEqual([2, 1]);
      expect(JSON.stringify(rotated.keys)).not.toContain(rotated.secret);
      expect(await liveSecrets()).toEqual([first, rotated.secret]);

      const finished = await removeOldSigningKeys(database, orgId, "widget", "usr_owner");
      expect(finished.keys.map((k) => k.version)).toEqual([2]);
      expect(await liveSecrets()).toEqual([rotated.secret]);
      // Nothing old left: removing again changes nothing.
      expect((await removeOldSigningKeys(database, orgId, "widget", "usr_owner")).keys).toEqual(finished.keys);
    });

    it("keeps at most two live keys when rotating twice without removing", async () => {
      const second = await rotateSigningKey(database, box, orgId, "widget", "usr_owner");
      const third = await rotateSigningKey(database, box, orgId, "widget", "usr_owner");
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
      await expect(rotateSigningKey(database, box, stranger.orgId, "widget", "usr_x")).rejects.toMatchObject({
        code: "not_found",
      });
    });
  });
}
