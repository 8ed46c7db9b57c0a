import { createSecretBox, type Database, listAudit } from "@support/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listSandboxOutbox } from "../src/delivery/outbox.js";
import { configureChannel, describeChannels } from "../src/intake/channels.js";
import { sendTestMessage } from "../src/intake/test-message.js";
import type { ServiceContext } from "../src/service/context.js";
import { registerApp } from "../src/tenancy/apps.js";
import { tenant } from "./analytics/seed.js";
import { dialects } from "./dialects.js";
import { testContext, testPlatform } from "./harness.js";

const box = createSecretBox({ 1: Buffer.alloc(32, 7) }, 1);

for (const dialect of dialects) {
  describe.skipIf(Boolean(dialect.skipReason))(`channel configuration on ${dialect.name}`, () => {
    let database: Database;
    let orgId: string;
    let admin: ServiceContext;
    let agent: ServiceContext;
    beforeAll(async () => {
      database = await dialect.open();
      ({ orgId } = await tenant(database.db, "Channels"));
      const platform = testPlatform(database, { secrets: box });
      admin = testContext(platform, orgId, "admin");
      agent = testContext(platform, orgId, "agent");
      await registerApp(admin, { name: "Widget" });
    });
    afterAll(async () => database?.close());

    it("lets admins configure a channel, with its audit row naming them and never the secret", async () => {
      const view = await configureChannel(admin, "widget", "zendesk", { secrets: { webhookSecret: "zd-secret" } });
      expect(view).toMatchObject({ kind: "zendesk", status: "active", secretsSet: ["webhookSecret"] });
      const audit = await listAudit(database.db, orgId, { limit: 10 });
      const entry = audit.data.find((e) => e.action === "channel.configured");
      expect(entry).toMatchObject({ actor: "key:test-admin", data: { kind: "zendesk", secrets: ["webhookSecret"] } });
      expect(JSON.stringify(audit.data)).not.toContain("zd-secret");
    });

    it("refuses agents configuring or testing a channel, and lets them read the channels", async () => {
      await expect(configureChannel(agent, "widget", "front", { secrets: { appSecret: "x" } })).rejects.toMatchObject({
        code: "forbidden",
      });
      await expect(sendTestMessage(agent, "widget", "zendesk")).rejects.toMatchObject({ code: "forbidden" });
      const channels = await describeChannels(agent, "widget");
      expect(channels.find((c) => c.kind === "front")).toMatchObject({ status: "incomplete", secretsSet: [] });
    });

    it("sends an admin's test message through the real receiving path", async () => {
      const report = await sendTestMessage(admin, "widget", "zendesk");
      expect(report).toMatchObject({ channel: "zendesk", status: 200, outcome: "stored" });
      expect(report.conversationId).toMatch(/^cnv_/);
      await expect(sendTestMessage(admin, "widget", "front")).rejects.toMatchObject({ code: "conflict" });
    });

    it("lets any member read the sandbox outbox of an app of their organization", async () => {
      expect(await listSandboxOutbox(agent, { app: "widget", limit: 10 })).toEqual({ data: [], nextCursor: null });
      await expect(listSandboxOutbox(agent, { app: "nope", limit: 10 })).rejects.toMatchObject({ code: "not_found" });
    });

    it("is scoped to the organization", async () => {
      const stranger = await tenant(database.db, "Stranger");
      const other = testContext(testPlatform(database, { secrets: box }), stranger.orgId, "owner");
      await expect(describeChannels(other, "widget")).rejects.toMatchObject({ code: "not_found" });
      await expect(configureChannel(other, "widget", "web", {})).rejects.toMatchObject({ code: "not_found" });
      await expect(sendTestMessage(other, "widget", "zendesk")).rejects.toMatchObject({ code: "not_found" });
    });
  });
}
