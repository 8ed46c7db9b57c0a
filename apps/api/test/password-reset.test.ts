import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadConfig, openProduct, type Product } from "@support/product";
import { eventually, mailsTo as mailboxOf } from "@support/product/testing";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApi } from "../src/app.js";

const origin = "http://127.0.0.1:3000";
const cookieOf = (res: Response) =>
  res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");

describe("password reset and invitations by email (embedded mailbox)", () => {
  let runtime: Product;
  let api: ReturnType<typeof createApi>;
  const suffix = Math.random().toString(36).slice(2, 8);
  const email = `reset-${suffix}@example.com`;
  beforeAll(async () => {
    runtime = await openProduct(loadConfig({ DATA_DIR: mkdtempSync(join(tmpdir(), "support-reset-")) }));
    api = createApi(runtime, pino({ level: "silent" }));
  });
  afterAll(async () => runtime.database.close());

  const call = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    api.request(path, {
      method: "POST",
      headers: { "content-type": "application/json", origin, ...headers },
      body: JSON.stringify(body),
    });
  const signIn = (password: string) => call("/api/auth/sign-in/email", { email, password });
  const mailsTo = (address: string) => mailboxOf(runtime, address);

  it("answers the same for a registered and an unknown address, and mails only the registered one", async () => {
    expect(
      (await call("/api/auth/sign-up/email", { email, password: "correct horse battery", name: "Ada" })).status,
    ).toBe(200);
    const known = await call("/api/auth/request-password-reset", { email, redirectTo: "/reset-password" });
    const unknown = await call("/api/auth/request-password-reset", {
      email: `nobody-${suffix}@example.com`,
      redirectTo: "/reset-password",
    });
    expect(known.status).toBe(200);
    expect(unknown.status).toBe(known.status);
    expect(await unknown.json()).toEqual(await known.json());
    const mails = await eventually(
      () => mailsTo(email),
      (m) => m.length === 1,
      "the reset mail",
    );
    expect(mails[0]).toMatchObject({ kind: "password_reset", orgId: null, subject: "Reset your password" });
    expect(await mailsTo(`nobody-${suffix}@example.com`)).toEqual([]);
  }, 30_000);

  it("resets through the mailed link: the new password signs in, the old one and the used link no longer work", async () => {
    const signedIn = cookieOf(await signIn("correct horse battery"));
    const [mail] = await mailsTo(email);
    const link = /https?:\/\/\S+/.exec(mail?.text ?? "")?.[0] ?? "";
    expect(link).toContain("/api/auth/reset-password/");
    const opened = await api.request(new URL(link).pathname + new URL(link).search, { headers: { origin } });
    expect(opened.status).toBe(302);
    const landing = new URL(opened.headers.get("location") ?? "", origin);
    expect(landing.pathname).toBe("/reset-password");
    const token = landing.searchParams.get("token") ?? "";
    expect(token).not.toBe("");

    expect((await call("/api/auth/reset-password", { token, newPassword: "a brand new passphrase" })).status).toBe(200);
    expect((await signIn("correct horse battery")).status).toBe(401);
    expect((await signIn("a brand new passphrase")).status).toBe(200);
    expect((await call("/api/auth/reset-password", { token, newPassword: "yet another passphrase" })).status).toBe(400);
    // The reset signed out the session opened with the old password.
    const session = await api.request("/api/auth/get-session", { headers: { cookie: signedIn, origin } });
    expect(await session.json()).toBeNull();
  }, 30_000);

  it("mails an invitation in the inviter's language, with the link the dashboard opens", async () => {
    const owner = cookieOf(await signIn("a brand new passphrase"));
    const org = await (
      await call("/api/auth/organization/create", { name: "Atelier Ada", slug: `ada-${suffix}` }, { cookie: owner })
    ).json();
    const active =
      cookieOf(await call("/api/auth/organization/set-active", { organizationId: org.id }, { cookie: owner })) || owner;
    const invitee = `agent-${suffix}@example.com`;
    const invited = await call(
      "/api/auth/organization/invite-member",
      { email: invitee, role: "agent" },
      { cookie: active, "accept-language": "fr-FR,fr;q=0.9" },
    );
    expect(invited.status).toBe(200);
    const invitation = await invited.json();
    const [mail] = await eventually(
      () => mailsTo(invitee),
      (m) => m.length === 1,
      "the invitation mail",
    );
    expect(mail).toMatchObject({ kind: "invitation", orgId: org.id, subject: "Invitation à rejoindre Atelier Ada" });
    expect(mail?.text).toContain(`${runtime.config.publicUrl}/invite/${invitation.id}`);
    // The sandbox outbox's mail view shows it to the organization's admins, and no password link.
    const mailbox = await api.request("/api/v1/outbox/mails", { headers: { cookie: active, origin } });
    expect(mailbox.status).toBe(200);
    const listed = await mailbox.json();
    expect(listed.data.map((m: { kind: string; recipient: string }) => [m.kind, m.recipient])).toEqual([
      ["invitation", invitee],
    ]);
    expect(JSON.stringify(listed)).not.toContain("reset-password");
  }, 30_000);
});
