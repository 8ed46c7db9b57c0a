import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { addCannedResponses, addTextSource, OPERATOR, processSource } from "@support/core";
import { eventually } from "@support/product/testing";
import { signWidgetIdentity } from "@support/sdk";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApi } from "../src/app.js";
import { dialects, jsonCall, openTestProduct, type TestProduct } from "./harness.js";
import { readFrames } from "./sse-frames.js";

const ORIGIN = "https://shop.example";
const helpArticle = {
  title: "Resetting your password",
  body: "# Resetting your password\n\nTo reset your password, open the sign-in page and click Forgot password. We email you a reset link that works for one hour.\n",
};
const teamMacros = {
  title: "Team macros",
  responses: [{ title: "How do I reset my password", body: "Internal macro: reset it from the sign-in page." }],
};

for (const dialect of dialects) {
  if (dialect.skipReason) console.warn(`[skip] widget on ${dialect.name}: ${dialect.skipReason}`);
  describe.skipIf(Boolean(dialect.skipReason))(`chat widget on ${dialect.name}`, () => {
    let p: TestProduct;
    let secret: string;
    beforeAll(async () => {
      p = await openTestProduct(dialect.env, "Acme", { pipeline: true });
      const operator = p.runtime.contextFor(p.orgId, OPERATOR);
      await processSource(operator, (await addTextSource(operator, { app: p.appId, ...helpArticle })).id);
      await processSource(operator, (await addCannedResponses(operator, { app: p.appId, ...teamMacros })).id);
      secret = (await (await jsonCall(p, `/api/v1/apps/${p.appId}/widget/secret/rotate`, { method: "POST" })).json())
        .secret;
      const configured = await jsonCall(p, `/api/v1/apps/${p.appId}/widget`, {
        method: "PATCH",
        body: {
          allowedOrigins: [ORIGIN],
          plans: { premium: "auto_send", pro: "one_click" },
          responseTime: "a few hours",
        },
      });
      expect(configured.status).toBe(200);
    });
    afterAll(async () => {
      await p.runtime.stop();
      await p.runtime.database.close();
    });

    const call = (path: string, init: { method?: string; body?: unknown; token?: string; origin?: string } = {}) =>
      p.api.request(`/widget/v1/${p.appId}${path}`, {
        method: init.method ?? "GET",
        headers: {
          origin: init.origin ?? ORIGIN,
          ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
          ...(init.body !== undefined ? { "content-type": "application/json" } : {}),
        },
        body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
      });
    const startSession = async (body: Record<string, unknown> = {}) => {
      const res = await call("/session", { method: "POST", body });
      expect(res.status).toBe(200);
      return res.json();
    };

    it("shows admins the snippet and never the secret", async () => {
      const config = await (await jsonCall(p, `/api/v1/apps/${p.appId}/widget`)).json();
      expect(config).toMatchObject({
        enabled: true,
        allowedOrigins: [ORIGIN],
        secretSet: true,
        defaultTier: null,
      });
      expect(config.snippet).toContain(`data-app="${p.appId}"`);
      expect(JSON.stringify(config)).not.toContain(secret);
    });

    it("answers CORS only for the app's origins and refuses other pages", async () => {
      const preflight = await p.api.request(`/widget/v1/${p.appId}/messages`, {
        method: "OPTIONS",
        headers: { origin: ORIGIN, "access-control-request-method": "POST" },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get("access-control-allow-origin")).toBe(ORIGIN);
      expect(preflight.headers.get("content-security-policy")).toBe(`frame-ancestors ${ORIGIN}`);
      const evil = await p.api.request(`/widget/v1/${p.appId}/messages`, {
        method: "OPTIONS",
        headers: { origin: "https://evil.example", "access-control-request-method": "POST" },
      });
      expect(evil.status).toBe(403);
      expect(evil.headers.get("access-control-allow-origin")).toBeNull();
      const refused = await call("/session", { method: "POST", body: {}, origin: "https://evil.example" });
      expect(refused.status).toBe(403);
      expect(refused.headers.get("content-type")).toContain("application/problem+json");
    });

    it("asks an anonymous visitor for an email before the first message, then stores it once per id", async () => {
      const anonymous = await startSession();
      expect(anonymous).toMatchObject({ emailRequired: true, visitor: { kind: "anonymous" }, tier: "suggest" });
      const early = await call("/messages", {
        method: "POST",
        token: anonymous.token,
        body: { id: "m-000001", text: "Hi" },
      });
      expect(early.status).toBe(400);
      const withEmail = await startSession({ session: anonymous.token, email: "Visitor@Example.com" });
      expect(withEmail).toMatchObject({ emailRequired: false, visitor: { email: "visitor@example.com" } });
      const body = { id: "m-000002", text: "Do you ship to Madagascar?" };
      const first = await call("/messages", { method: "POST", token: withEmail.token, body });
      expect(first.status).toBe(201);
      const again = await call("/messages", { method: "POST", token: withEmail.token, body });
      expect((await again.json()).id).toBe((await first.json()).id);
      // The same visitor on a later visit (the token kept by the browser) sees the history.
      const later = await startSession({ session: withEmail.token });
      const history = await (await call("/conversation", { token: later.token })).json();
      expect(history.messages.map((m: { text: string }) => m.text)).toEqual(["Do you ship to Madagascar?"]);
      // The message is a widget conversation like any channel's, and the typed email merged no contact.
      const list = await (await jsonCall(p, "/api/v1/conversations?channel=widget")).json();
      expect(list.data).toHaveLength(1);
      const detail = await (await jsonCall(p, `/api/v1/conversations/${list.data[0].id}`)).json();
      expect(detail.contact.email).toBeNull();
    });

    it("refuses forged, tampered and expired identities and sessions: no one reads another visitor's conversation", async () => {
      const exp = Math.floor(Date.now() / 1000) + 600;
      const forged = signWidgetIdentity({ userId: "u_victim", email: "victim@example.com", exp }, "not-the-secret");
      expect((await call("/session", { method: "POST", body: { identity: forged } })).status).toBe(401);
      const expired = signWidgetIdentity({ userId: "u_victim", exp: exp - 3600 }, secret);
      expect((await call("/session", { method: "POST", body: { identity: expired } })).status).toBe(401);
      const victim = await startSession({
        identity: signWidgetIdentity({ userId: "u_victim", email: "victim@example.com", exp }, secret),
      });
      await call("/messages", {
        method: "POST",
        token: victim.token,
        body: { id: "v-000001", text: "My order 1234 is late" },
      });
      // An identified session cannot be resumed as anonymous, and an edited token is refused.
      expect((await call("/session", { method: "POST", body: { session: victim.token } })).status).toBe(401);
      const [prefix, payload, signature] = victim.token.split(".");
      const claims = JSON.parse(Buffer.from(payload, "base64url").toString());
      const edited = `${prefix}.${Buffer.from(JSON.stringify({ ...claims, u: "u_other" })).toString("base64url")}.${signature}`;
      expect((await call("/conversation", { token: edited })).status).toBe(401);
      expect((await call("/conversation")).status).toBe(401);
      // Another visitor sees only their own (empty) conversation.
      const other = await startSession({ email: "other@example.com" });
      const theirs = await (await call("/conversation", { token: other.token })).json();
      expect(theirs).toEqual({ messages: [], state: "none" });
      // The victim's token works only from the allowed origin.
      expect((await call("/conversation", { token: victim.token, origin: "https://evil.example" })).status).toBe(403);
    });

    it("suggests published articles only, and counts a deflection", async () => {
      const res = await call(`/suggestions?q=${encodeURIComponent("how do I reset my password")}`);
      expect(res.status).toBe(200);
      const { data } = await res.json();
      expect(data.map((s: { title: string }) => s.title)).toEqual([expect.stringContaining("Resetting your password")]);
      const visitor = await startSession({ email: "happy@example.com" });
      const deflected = await call("/deflections", {
        method: "POST",
        token: visitor.token,
        body: { question: "how do I reset my password", sourceId: data[0].sourceId },
      });
      expect(deflected.status).toBe(200);
      expect((await (await call("/conversation", { token: visitor.token })).json()).state).toBe("closed");
      expect(p.runtime.counters.get("widget_deflected_total")).toBe(1);
      const analytics = await (await jsonCall(p, `/api/v1/analytics?app=${p.appId}`)).json();
      expect(analytics.totals).toMatchObject({ deflected: 1, selfServed: 1 });
      expect((await call("/suggestions?q=a")).status).toBe(400);
    });

    it("streams a reply approved in the dashboard live, once, and resumes after a reconnect", async () => {
      const visitor = await startSession({
        identity: signWidgetIdentity(
          { userId: "u_live", email: "live@example.com", plan: "pro", exp: Math.floor(Date.now() / 1000) + 600 },
          secret,
        ),
      });
      expect(visitor.tier).toBe("one_click");
      const stream = await call(`/events?session=${encodeURIComponent(visitor.token)}`);
      expect(stream.status).toBe(200);
      expect(stream.headers.get("access-control-allow-origin")).toBe(ORIGIN);
      const live = readFrames(stream, (f) => f.some((x) => x.event === "message" && x.data.from === "ai"));
      const posted = await call("/messages", {
        method: "POST",
        token: visitor.token,
        body: { id: "l-000001", text: "Hi, how do I reset my password? I forgot it." },
      });
      const mine = await posted.json();
      const draft = await eventually(
        async () => (await (await jsonCall(p, "/api/v1/drafts?status=pending_approval")).json()).data[0],
        (d) => Boolean(d),
        "a pending draft",
      );
      // The visitor's plan (pro → one_click), not the app's tier (suggest), is what this draft was decided under.
      expect(draft.decision.checks).toContainEqual(
        expect.objectContaining({ condition: "tier", detail: "autonomy tier one_click never auto-sends" }),
      );
      expect((await jsonCall(p, `/api/v1/drafts/${draft.id}/approve`, { method: "POST", body: {} })).status).toBe(200);
      const frames = await live;
      expect(frames[0]).toMatchObject({ event: "ready" });
      const messages = frames.filter((f) => f.event === "message");
      expect(messages.map((m) => m.data.from)).toEqual(["visitor", "ai"]);
      expect(messages[1]?.data.text).toBe(draft.text);
      expect(frames.some((f) => f.event === "activity")).toBe(true);

      // Reconnecting with the last id the browser saw sends nothing again; from the visitor's message, only the reply.
      const resumed = await p.api.request(`/widget/v1/${p.appId}/events?session=${encodeURIComponent(visitor.token)}`, {
        headers: { origin: ORIGIN, "last-event-id": mine.id },
      });
      const replay = await readFrames(resumed, (f) => f.some((x) => x.event === "message"));
      expect(replay.filter((f) => f.event === "message").map((f) => f.id)).toEqual([messages[1]?.id]);

      // The visitor rates the reply (once) and asks for a person.
      const rated = await call("/ratings", {
        method: "POST",
        token: visitor.token,
        body: { messageId: messages[1]?.id, rating: "up" },
      });
      expect((await rated.json()).rating).toBe("up");
      // The thumbs land in the same store as the rating links': analytics count the reply as rated.
      const analytics = await (await jsonCall(p, "/api/v1/analytics")).json();
      expect(analytics.totals).toMatchObject({ rated: 1, csatAvg: 5, csatPositiveRate: 1 });
      const person = await call("/person", { method: "POST", token: visitor.token });
      expect((await person.json()).state).toBe("waiting_for_person");
    }, 30_000);

    it("rotating the secret keeps the previous one valid until the next rotation", async () => {
      const exp = Math.floor(Date.now() / 1000) + 600;
      const next = await (await jsonCall(p, `/api/v1/apps/${p.appId}/widget/secret/rotate`, { method: "POST" })).json();
      expect(next.previousSecretValid).toBe(true);
      const old = signWidgetIdentity({ userId: "u_rot", exp }, secret);
      expect((await call("/session", { method: "POST", body: { identity: old } })).status).toBe(200);
      await jsonCall(p, `/api/v1/apps/${p.appId}/widget/secret/rotate`, { method: "POST" });
      expect((await call("/session", { method: "POST", body: { identity: old } })).status).toBe(401);
    });

    it("limits a visitor's writes and an address's suggestions, with Retry-After", async () => {
      const visitor = await startSession({ email: "busy@example.com" });
      const statuses: number[] = [];
      for (let i = 0; i < 11; i++) {
        const res = await call("/messages", {
          method: "POST",
          token: visitor.token,
          body: { id: `busy-${1000 + i}`, text: `Question ${i}` },
        });
        statuses.push(res.status);
        if (res.status === 429) expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
      }
      expect(statuses.slice(0, 10).every((s) => s === 201)).toBe(true);
      expect(statuses[10]).toBe(429);
      // Another visitor still writes: the limit was this visitor's.
      const calm = await startSession({ email: "calm@example.com" });
      expect(
        (await call("/messages", { method: "POST", token: calm.token, body: { id: "calm-0001", text: "Hello" } }))
          .status,
      ).toBe(201);
      let limited: Response | undefined;
      for (let i = 0; i < 40 && !limited; i++) {
        const res = await call("/suggestions?q=shipping+times");
        if (res.status === 429) limited = res;
      }
      expect(limited?.headers.get("retry-after")).toBeTruthy();
    });

    it("serves the loader for minutes and the hashed panel for good, to any page", async () => {
      const dist = mkdtempSync(join(tmpdir(), "widget-dist-"));
      mkdirSync(join(dist, "widget"));
      writeFileSync(join(dist, "widget.js"), "/*loader*/");
      writeFileSync(join(dist, "widget", "panel.0123456789ab.js"), "/*panel*/");
      const api = createApi(p.runtime, pino({ level: "silent" }), { widgetDist: dist });
      const loader = await api.request("/widget.js");
      expect(loader.headers.get("content-type")).toContain("javascript");
      expect(loader.headers.get("cache-control")).toBe("public, max-age=300");
      const panel = await api.request("/widget/panel.0123456789ab.js");
      expect(panel.headers.get("cache-control")).toContain("immutable");
      expect(panel.headers.get("access-control-allow-origin")).toBe("*");
      expect((await api.request("/widget/..%2Fwidget.js")).status).toBe(404);
    });
  });
}
