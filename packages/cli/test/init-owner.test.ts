import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { listMailsTo, listOrgMails } from "@support/db";
import { loadConfig, openProduct } from "@support/product";
import { describe, expect, it } from "vitest";
import { skillIn } from "./skill.js";

const cookieOf = (res: Response) =>
  res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");

describe("skill init --owner-email", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "support-cli-owner-"));

  it("gives the organization a human owner who sets a password through the printed link and signs in to it", async () => {
    const init = await skillIn(
      { DATA_DIR: dataDir },
      "init",
      "--name",
      "Atelier",
      "--org",
      "Ada SARL",
      "--owner-email",
      "Ada@Example.com",
      "--json",
    );
    expect(init.code, init.stderr).toBe(0);
    const result = JSON.parse(init.stdout);
    expect(result.owner).toMatchObject({ email: "ada@example.com", mailed: false });
    const link = new URL(result.owner.setPasswordLink);

    const runtime = await openProduct(loadConfig({ DATA_DIR: dataDir }));
    try {
      const origin = runtime.config.publicUrl;
      const betterAuth = await runtime.auth();
      const auth = (path: string, init: RequestInit = {}) =>
        betterAuth.handler(new Request(`${origin}${path}`, { ...init, headers: { origin, ...init.headers } }));
      const post = (path: string, body: unknown, cookie = "") =>
        auth(path, {
          method: "POST",
          headers: { "content-type": "application/json", cookie },
          body: JSON.stringify(body),
        });

      // The link lands on the dashboard's "choose a password" page with the token.
      const opened = await auth(link.pathname + link.search);
      expect(opened.status).toBe(302);
      const landing = new URL(opened.headers.get("location") ?? "");
      expect(landing.pathname).toBe("/reset-password");
      const token = landing.searchParams.get("token");
      expect((await post("/api/auth/reset-password", { token, newPassword: "owner passphrase 1" })).status).toBe(200);

      const signIn = await post("/api/auth/sign-in/email", {
        email: "ada@example.com",
        password: "owner passphrase 1",
      });
      expect(signIn.status).toBe(200);
      const orgs = await (await auth("/api/auth/organization/list", { headers: { cookie: cookieOf(signIn) } })).json();
      expect(orgs.map((o: { id: string }) => o.id)).toEqual([result.organization.id]);
      const mails = await listMailsTo(runtime.database.db, "ada@example.com", 5);
      expect(mails.map((m) => [m.kind, m.orgId])).toEqual([["password_set", null]]);
      // The set-password link is the owner's alone: the organization's mailbox view never lists it.
      expect(await listOrgMails(runtime.database.db, result.organization.id, { limit: 5 })).toEqual([]);
    } finally {
      await runtime.close();
    }

    // Again: the same owner, a fresh link, no second membership.
    const again = JSON.parse(
      (
        await skillIn(
          { DATA_DIR: dataDir },
          "init",
          "--name",
          "Atelier",
          "--org",
          "Ada SARL",
          "--owner-email",
          "ada@example.com",
          "--json",
        )
      ).stdout,
    );
    expect(again.owner.userId).toBe(result.owner.userId);
    expect(again.owner.setPasswordLink).not.toBe(result.owner.setPasswordLink);
  });

  it("refuses an owner email that is not an address", async () => {
    const res = await skillIn({ DATA_DIR: dataDir }, "init", "--name", "Atelier", "--owner-email", "ada", "--json");
    expect(res).toMatchObject({ code: 1, stderr: "skill: init --owner-email needs an email address\n" });
  });
});
