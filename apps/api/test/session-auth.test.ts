import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadConfig, openProduct, type Product } from "@support/product";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApi } from "../src/app.js";

const origin = "http://127.0.0.1:3000";
const mysqlUrl = process.env.MYSQL_URL;
const dialects = [
  { name: "sqlite", env: {} as Record<string, string> },
  {
    name: "mysql",
    skipReason: mysqlUrl ? undefined : "MYSQL_URL is not set: runs under .ci/run",
    env: { DATABASE_URL: mysqlUrl ?? "", SECRETS_KEY: Buffer.alloc(32, 3).toString("base64") },
  },
];

const cookieOf = (res: Response) =>
  res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");

for (const dialect of dialects) {
  if (dialect.skipReason) console.warn(`[skip] better-auth on ${dialect.name}: ${dialect.skipReason}`);
  describe.skipIf(Boolean(dialect.skipReason))(`dashboard sessions (better-auth) on ${dialect.name}`, () => {
    let runtime: Product;
    let api: ReturnType<typeof createApi>;
    const email = `ada-${Math.random().toString(36).slice(2, 8)}@example.com`;
    beforeAll(async () => {
      runtime = await openProduct(
        loadConfig({ DATA_DIR: mkdtempSync(join(tmpdir(), "support-auth-")), ...dialect.env }),
      );
      api = createApi(runtime, pino({ level: "silent" }));
    });
    afterAll(async () => runtime.database.close());

    async function post(path: string, body: unknown, cookie?: string) {
      return api.request(path, {
        method: "POST",
        headers: { "content-type": "application/json", origin, ...(cookie ? { cookie } : {}) },
        body: JSON.stringify(body),
      });
    }

    it("signs up, signs in, creates an organization as owner, and uses the session cookie on the REST API", async () => {
      const signUp = await post("/api/auth/sign-up/email", {
        email: email,
        password: "correct horse battery",
        name: "Ada",
      });
      expect(signUp.status).toBe(200);
      // Sign-up signs nobody in (so it can answer a taken email the same way): sign-in does.
      expect(signUp.headers.getSetCookie()).toEqual([]);
      const signIn = await post("/api/auth/sign-in/email", { email, password: "correct horse battery" });
      expect(signIn.headers.getSetCookie().join()).toMatch(/HttpOnly/i);
      const cookie = cookieOf(signIn);

      const noOrg = await api.request("/api/v1/apps", { headers: { cookie } });
      expect(noOrg.status).toBe(403);

      const org = await post(
        "/api/auth/organization/create",
        { name: "Ada Corp", slug: `ada-${email.slice(4, 10)}` },
        cookie,
      );
      expect(org.status).toBe(200);
      const orgBody = await org.json();
      expect(orgBody.id).toMatch(/^org_/);
      const active = await post("/api/auth/organization/set-active", { organizationId: orgBody.id }, cookie);
      const sessionCookie = cookieOf(active) || cookie;

      const created = await api.request("/api/v1/apps", {
        method: "POST",
        headers: { cookie: sessionCookie, "content-type": "application/json" },
        body: JSON.stringify({ name: "Ada Shop" }),
      });
      expect(created.status).toBe(201);
      const audit = await (await api.request("/api/v1/audit", { headers: { cookie: sessionCookie } })).json();
      expect(audit.data[0]).toMatchObject({ action: "app.created", actor: expect.stringMatching(/^user:usr_/) });
    });

    it("rejects a wrong password and requests without credentials", async () => {
      const bad = await post("/api/auth/sign-in/email", { email: email, password: "wrong password!" });
      expect(bad.status).toBe(401);
      expect((await api.request("/api/v1/apps")).status).toBe(401);
    });
  });
}
