import { mkdtempSync, writeFileSync } from "node:fs";
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

/** The default catalogue with a trial of two seats. */
function plansFile(): string {
  const plans = loadConfig({}).plans.map((p) => (p.trial ? { ...p, quotas: { ...p.quotas, seats: 2 } } : p));
  const file = join(mkdtempSync(join(tmpdir(), "plans-")), "plans.json");
  writeFileSync(file, JSON.stringify(plans));
  return file;
}

/**
 * Seats (ADR 0133): with billing on, an invitation beyond the plan's seats (members and open
 * invitations) is refused with 402 quota_exceeded, and so is accepting one once the seats are
 * taken; better-auth's invitation paths ask the service.
 */
describe("seat limits on invitations", () => {
  let runtime: Product;
  let api: ReturnType<typeof createApi>;
  const suffix = Math.random().toString(36).slice(2, 8);
  beforeAll(async () => {
    runtime = await openProduct(
      loadConfig({
        DATA_DIR: mkdtempSync(join(tmpdir(), "support-seats-")),
        STRIPE_SECRET_KEY: "sk_test_platform",
        STRIPE_BILLING_WEBHOOK_SECRET: "whsec_seat_test",
        BILLING_PLANS_FILE: plansFile(),
      }),
    );
    api = createApi(runtime, pino({ level: "silent" }));
  });
  afterAll(async () => runtime.database.close());

  async function call(path: string, body: unknown, cookie?: string) {
    return api.request(path, {
      method: "POST",
      headers: { "content-type": "application/json", origin, ...(cookie ? { cookie } : {}) },
      body: JSON.stringify(body),
    });
  }
  async function signUp(email: string) {
    expect(
      (await call("/api/auth/sign-up/email", { email, password: "correct horse battery", name: email })).status,
    ).toBe(200);
    // Sign-up signs nobody in: the session comes from sign-in.
    const signIn = await call("/api/auth/sign-in/email", { email, password: "correct horse battery" });
    expect(signIn.status).toBe(200);
    return cookieOf(signIn);
  }
  const expectSeats = async (res: Response, used: number) => {
    expect(res.status).toBe(402);
    const problem = await res.json();
    expect(problem).toMatchObject({ code: "quota_exceeded", quota: "seats", limit: 2, used });
    expect(problem.message).toContain("allows 2 seats");
  };

  it("counts open invitations as seats and refuses the one too many, before and after an acceptance", {
    timeout: 90_000,
  }, async () => {
    const owner = await signUp(`owner-${suffix}@example.com`);
    const org = await (
      await call("/api/auth/organization/create", { name: "Seat Co", slug: `seat-${suffix}` }, owner)
    ).json();
    const active =
      cookieOf(await call("/api/auth/organization/set-active", { organizationId: org.id }, owner)) || owner;
    const invite = (email: string) => call("/api/auth/organization/invite-member", { email, role: "agent" }, active);

    const first = await invite(`a-${suffix}@example.com`);
    expect(first.status).toBe(200);
    // One member and one open invitation fill the two seats: a second invitation is one too many.
    await expectSeats(await invite(`b-${suffix}@example.com`), 1);

    // The invited person accepts: their seat was held, so it is granted.
    const agent = await signUp(`a-${suffix}@example.com`);
    const { id } = await first.json();
    expect((await call("/api/auth/organization/accept-invitation", { invitationId: id }, agent)).status).toBe(200);
    await expectSeats(await invite(`b-${suffix}@example.com`), 2);
  });
});
