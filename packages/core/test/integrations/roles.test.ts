import { createSecretBox, type Database, listAudit } from "@support/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  checkIntegrationHealth,
  configureSlack,
  describeIntegrationOf,
  describeSlack,
  executeAction,
  executeStripeRefund,
  finishSecretRotation,
  integrateApp,
  rotateIntegrationSecret,
  type ServiceContext,
  stripeConnectUrl,
  stripeCustomerPayments,
} from "../../src/index.js";
import { tenant } from "../analytics/seed.js";
import { dialects } from "../dialects.js";
import { testContext, testPlatform } from "../harness.js";

const box = createSecretBox({ 1: Buffer.alloc(32, 5) }, 1);
const SLACK = { botToken: "xoxb-roles-token", signingSecret: "roles-signing-secret", channelId: "C0ROLES" };

/** Who may change the integrations, Stripe and Slack, checked by the services themselves. */
for (const dialect of dialects) {
  describe.skipIf(Boolean(dialect.skipReason))(`integration roles on ${dialect.name}`, () => {
    let database: Database;
    let admin: ServiceContext;
    let agent: ServiceContext;
    const code = (p: Promise<unknown>) => p.then(() => "ok").catch((e: { code: string }) => e.code);

    beforeAll(async () => {
      database = await dialect.open();
      const { orgId } = await tenant(database.db, "Roles");
      const platform = testPlatform(database, { secrets: box });
      admin = testContext(platform, orgId, "admin", "user:admin");
      agent = testContext(platform, orgId, "agent", "user:agent");
    });
    afterAll(async () => database?.close());

    it("lets admins configure the integration and rotate its secret, and refuses agents", async () => {
      const url = "http://127.0.0.1:9/support";
      expect(await code(integrateApp(agent, "shop", { url }))).toBe("forbidden");
      const { secret } = await integrateApp(admin, "shop", { url });
      expect(await code(rotateIntegrationSecret(agent, "shop", {}))).toBe("forbidden");
      expect(await code(finishSecretRotation(agent, "shop"))).toBe("forbidden");
      expect((await rotateIntegrationSecret(admin, "shop", {})).integration.activeSecrets).toBe(2);
      expect((await finishSecretRotation(admin, "shop")).activeSecrets).toBe(1);

      // Agents read it and check it (an unreachable app is a report, not an error).
      expect((await describeIntegrationOf(agent, "shop")).url).toBe(url);
      expect(await checkIntegrationHealth(agent, "shop")).toMatchObject({ ok: false, url });

      // One audit row per change, named after the admin, never with the secret.
      const audit = (await listAudit(database.db, admin.org.id, { limit: 50 })).data;
      expect(audit.filter((e) => e.action.startsWith("integration.")).map((e) => [e.action, e.actor])).toEqual([
        ["integration.old_secret_removed", "user:admin"],
        ["integration.secret_rotated", "user:admin"],
        ["integration.configured", "user:admin"],
      ]);
      expect(JSON.stringify(audit)).not.toContain(secret);
    });

    it("refuses agents the direct execution of actions and Stripe refunds; admins get past the role check", async () => {
      const action = {
        app: "shop",
        draftId: "drf_missing",
        action: "generateMagicLink",
        input: { email: "ada@example.com" },
      };
      expect(await code(executeAction(agent, action))).toBe("forbidden");
      expect(await code(executeAction(admin, action))).toBe("not_found");
      const refund = { app: "shop", draftId: "drf_missing", chargeId: "ch_1" };
      expect(await code(executeStripeRefund(agent, refund))).toBe("forbidden");
      expect(await code(executeStripeRefund(admin, refund))).toBe("not_found");
      expect(await code(stripeCustomerPayments(agent, "shop", "ada@example.com"))).toBe("conflict");
    });

    it("lets only admins start a Stripe connection", async () => {
      expect(await code(stripeConnectUrl(agent, "shop"))).toBe("forbidden");
      // Past the role check, a server without Stripe says so.
      expect(await code(stripeConnectUrl(admin, "shop"))).toBe("conflict");
    });

    it("lets admins connect Slack, refuses agents, and shows both the connection without its secrets", async () => {
      expect(await code(configureSlack(agent, SLACK))).toBe("forbidden");
      expect(await code(configureSlack(admin, { ...SLACK, app: "nope" }))).toBe("not_found");
      const view = await configureSlack(admin, { ...SLACK, app: "shop" });
      expect(view).toMatchObject({ configured: true, channelId: "C0ROLES", secretsSet: ["botToken", "signingSecret"] });
      expect(await describeSlack(agent)).toEqual(view);
      const audit = (await listAudit(database.db, admin.org.id, { limit: 50 })).data;
      expect(audit.find((e) => e.action === "slack.configured")).toMatchObject({ actor: "user:admin" });
      expect(JSON.stringify(audit)).not.toContain(SLACK.botToken);
    });
  });
}
