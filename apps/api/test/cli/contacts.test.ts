import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { skillIn } from "@support/cli/testing";
import { loadConfig, openProduct } from "@support/product";
import { signPayload } from "@support/sdk/signing";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { createApi } from "../../src/app.js";

describe("skill contacts export|erase on a local data dir", () => {
  const env = { DATA_DIR: mkdtempSync(join(tmpdir(), "support-cli-contacts-")) };

  /** A customer message through the product's own webhook route on the same data dir. */
  async function receive(appId: string, secret: string, customer: object, text: string) {
    const runtime = await openProduct(loadConfig(env));
    try {
      const raw = JSON.stringify({ type: "message.received", id: `m-${text.length}`, customer, message: { text } });
      const res = await createApi(runtime, pino({ level: "silent" })).request(`/webhooks/generic/${appId}`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-support-signature": signPayload(raw, [secret]) },
        body: raw,
      });
      expect(res.status).toBe(200);
    } finally {
      await runtime.database.close();
    }
  }

  it("exports a customer by phone as JSON, erases them by contact id, and says when there is no such customer", async () => {
    const init = JSON.parse((await skillIn(env, "init", "--name", "Tsena", "--json")).stdout);
    await receive(init.app.id, init.signingSecret, { phone: "+261320000001", name: "Hery" }, "Misy vary ve ianareo?");

    const exported = await skillIn(env, "contacts", "export", "+261320000001");
    expect(exported.code, exported.stderr).toBe(0);
    const data = JSON.parse(exported.stdout);
    expect(data.contacts[0]).toMatchObject({ name: "Hery" });
    expect(data.conversations[0].messages[0].text).toBe("Misy vary ve ianareo?");

    const contactId = data.contacts[0].id;
    const erased = await skillIn(env, "contacts", "erase", contactId);
    expect(erased.code, erased.stderr).toBe(0);
    expect(erased.stdout).toMatch(/^Erased 1 contact\(s\), 1 conversation\(s\), 1 message\(s\)/);

    const again = await skillIn(env, "contacts", "export", contactId);
    expect(again).toMatchObject({ code: 1, stdout: "" });
    expect(again.stderr).toMatch(/no customer with that id, email or phone/);
    const missing = await skillIn(env, "contacts", "erase");
    expect(missing.stderr).toMatch(/needs the customer's email, phone or contact id/);
  }, 120_000);
});
