import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadConfig, openProduct, type Product } from "@support/product";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApi } from "../src/app.js";

const origin = "http://127.0.0.1:3000";
const cookieOf = (res: Response) =>
  res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");

describe("dashboard invitations (better-auth organization plugin; the link also goes by mail)", () => {
  let runtime: Product;
  let api: ReturnType<typeof createApi>;
  const suffix = Math.random().toString(36).slice(2, 8);
  beforeAll(async () => {
    runtime = await openProduct(loadConfig({ DATA_DIR: mkdtempSync(join(tmpdir(), "support-invite-")) }));
    api = createApi(runtime, pino({ level: "silent" }));
  });
  afterAll(async () => runtime.database.close());

  async function call(path: string, body: unknown, cookie?: string, method = "POST") {
    return api.request(path, {
      method,
      headers: { "content-type": "application/json", origin, ...(cookie ? { cookie } : {}) },
      body: method === "POST" ? JSON.stringify(body) : undefined,
    });
  }
  async function signUp(email: string) {
    const res = await call("/api/auth/sign-up/email", { email, password: "correct horse battery", name: email });
    expect(res.status).toBe(200);
    // Sign-up signs nobody in (it answers the same for a taken email): the session comes from sign-in.
    const signIn = await call("/api/auth/sign-in/email", { email, password: "correct horse battery" });
    expect(signIn.status).toBe(200);
    return cookieOf(signIn);
  }

  it("an invited email signs up, accepts the link's invitation and works as an agent; nobody else can accept it", {
    timeout: 60_000,
  }, async () => {
    const owner = await signUp(`owner-${suffix}@example.com`);
    const org = await (
      await call("/api/auth/organization/create", { name: "Inv Co", slug: `inv-${suffix}` }, owner)
    ).json();
    const ownerActive =
      cookieOf(await call("/api/auth/organization/set-active", { organizationId: org.id }, owner)) || owner;
    const invited = await call(
      "/api/auth/organization/invite-member",
      { email: `agent-${suffix}@example.com`, role: "agent" },
      ownerActive,
    );
    expect(invited.status).toBe(200);
    const invitation = await invited.json();
    expect(invitation.id).toMatch(/^inv_[0-9a-f]{32}$/);

    const stranger = await signUp(`stranger-${suffix}@example.com`);
    const stolen = await call("/api/auth/organization/accept-invitation", { invitationId: invitation.id }, stranger);
    expect(stolen.status).toBe(403);

    const agent = await signUp(`agent-${suffix}@example.com`);
    const seen = await call(`/api/auth/organization/get-invitation?id=${invitation.id}`, undefined, agent, "GET");
    expect(seen.status).toBe(200);
    expect(await seen.json()).toMatchObject({ organizationName: "Inv Co", role: "agent" });
    const accepted = await call("/api/auth/organization/accept-invitation", { invitationId: invitation.id }, agent);
    expect(accepted.status).toBe(200);
    const agentActive =
      cookieOf(await call("/api/auth/organization/set-active", { organizationId: org.id }, agent)) || agent;

    expect((await api.request("/api/v1/drafts", { headers: { cookie: agentActive } })).status).toBe(200);
    expect((await api.request("/api/v1/audit", { headers: { cookie: agentActive } })).status).toBe(403);
    const again = await call("/api/auth/organization/accept-invitation", { invitationId: invitation.id }, agent);
    expect(again.status).toBe(400);
    // Four sign-ups (scrypt) on a loaded 2-core machine take about 5 s.
  });
});
