import { signWidgetIdentity } from "@support/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dialects, jsonCall } from "./harness.js";
import {
  blockAction,
  cardText,
  openSlackFixture,
  SLACK_TEST_TIMEOUT,
  type SlackFixture,
  viewSubmission,
  waitFor,
} from "./slack-fixture.js";
import { readFrames } from "./sse-frames.js";

const ORIGIN = "https://shop.example";
const QUESTION = "Hi, how do I reset my password? I forgot it.";

/**
 * The proof that a reply approved on any surface (Slack's button, Slack's edit modal, the
 * dashboard's API, the Front plugin) reaches the widget's visitor live, exactly once: one
 * `message` from the AI on the open stream, one in the history, and a reconnect from the
 * visitor's own message (the Last-Event-ID the browser sends) replays only that reply.
 */
for (const dialect of dialects) {
  if (dialect.skipReason) console.warn(`[skip] widget live approvals on ${dialect.name}: ${dialect.skipReason}`);
  describe.skipIf(Boolean(dialect.skipReason))(
    `a reply approved on any surface reaches the widget once, on ${dialect.name}`,
    { timeout: SLACK_TEST_TIMEOUT },
    () => {
      let f: SlackFixture;
      let widgetSecret: string;
      let pluginHeaders: Record<string, string>;
      beforeAll(async () => {
        f = await openSlackFixture(dialect.env, { connect: true });
        const { p } = f;
        widgetSecret = (
          await (await jsonCall(p, `/api/v1/apps/${p.appId}/widget/secret/rotate`, { method: "POST" })).json()
        ).secret;
        const origins = { allowedOrigins: [ORIGIN] };
        expect((await jsonCall(p, `/api/v1/apps/${p.appId}/widget`, { method: "PATCH", body: origins })).status).toBe(
          200,
        );
        // A Front teammate who is an agent of the organization, and the plugin's secret.
        const email = `front-${Math.random().toString(36).slice(2, 8)}@example.com`;
        const auth = await p.runtime.auth();
        const { user } = await auth.api.signUpEmail({ body: { email, password: "correct horse battery", name: "F" } });
        await auth.api.addMember({ body: { userId: user.id, organizationId: p.orgId, role: "agent" } });
        const rotated = await (await jsonCall(p, "/api/v1/front-plugin/secret/rotate", { method: "POST" })).json();
        const org = new URL(rotated.pluginUrl).searchParams.get("org") ?? "";
        pluginHeaders = {
          "x-front-plugin-org": org,
          "x-front-plugin-secret": rotated.secret,
          "x-front-teammate": email,
          "content-type": "application/json",
        };
      }, SLACK_TEST_TIMEOUT);
      afterAll(async () => {
        await f.close();
      });

      const widget = (path: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}) =>
        f.p.api.request(`/widget/v1/${f.p.appId}${path}`, {
          method: init.method ?? "GET",
          headers: {
            origin: ORIGIN,
            ...(init.body !== undefined ? { "content-type": "application/json" } : {}),
            ...init.headers,
          },
          body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
        });
      const pending = async () =>
        waitFor(async () => {
          const page = await (await jsonCall(f.p, "/api/v1/drafts?status=pending_approval")).json();
          return page.data[0] as { id: string; text: string } | undefined;
        }, "a pending draft");
      const cardOf = (draftId: string) =>
        waitFor(() => f.slack.callsTo("chat.postMessage").find((c) => cardText(c).includes(draftId)), "the card");

      /**
       * A visitor asks on the widget with its stream open; `approve` decides through one surface
       * and answers the text the customer must receive.
       */
      const provesOnce = async (visitor: string, approve: (draft: { id: string; text: string }) => Promise<string>) => {
        const identity = signWidgetIdentity(
          { userId: visitor, email: `${visitor}@example.com`, exp: Math.floor(Date.now() / 1000) + 600 },
          widgetSecret,
        );
        const session = await (await widget("/session", { method: "POST", body: { identity } })).json();
        const token = session.token as string;
        const events = `/events?session=${encodeURIComponent(token)}`;
        const stream = await widget(events);
        expect(stream.status).toBe(200);
        const live = readFrames(stream, (frames) => frames.some((x) => x.event === "message" && x.data.from === "ai"));
        const asked = await widget("/messages", {
          method: "POST",
          headers: { authorization: `Bearer ${token}` },
          body: { id: `${visitor}-0001`, text: QUESTION },
        });
        const mine = (await asked.json()) as { id: string };
        const draft = await pending();
        const expected = await approve(draft);

        const frames = await live;
        const replies = frames.filter((x) => x.event === "message" && x.data.from === "ai");
        expect(replies.map((x) => x.data.text)).toEqual([expected]);
        const resumed = await widget(events, { headers: { "last-event-id": mine.id } });
        const replay = await readFrames(resumed, (x) => x.some((frame) => frame.event === "message"));
        expect(replay.filter((x) => x.event === "message").map((x) => x.id)).toEqual([replies[0]?.id]);
        const history = await (await widget("/conversation", { headers: { authorization: `Bearer ${token}` } })).json();
        const fromAi = history.messages.filter((m: { from: string }) => m.from === "ai");
        expect(fromAi.map((m: { text: string }) => m.text)).toEqual([expected]);
        expect((await f.draft(draft.id)).status).toBe("sent");
      };

      it("Slack's Approve button, clicked twice and retried by Slack", async () => {
        await provesOnce("visitor-slack-button", async (draft) => {
          const { ts } = (await cardOf(draft.id)).response as { ts: string };
          const click = blockAction("draft_approve", draft.id, "ada", ts);
          const [first, second] = await Promise.all([f.interact(click), f.interact(click)]);
          expect([first.status, second.status]).toEqual([200, 200]);
          expect((await f.interact(click, { "x-slack-retry-num": "1" })).status).toBe(200);
          return draft.text;
        });
      });

      it("Slack's Edit modal, submitted twice", async () => {
        await provesOnce("visitor-slack-modal", async (draft) => {
          const edited = `${draft.text}\n\nBen from Acme support`;
          const submit = viewSubmission("draft_edit_modal", draft.id, "ben", "reply", edited);
          expect(await (await f.interact(submit)).text()).toBe("");
          expect((await (await f.interact(submit)).json()).response_action).toBe("errors");
          return edited;
        });
      });

      it("the dashboard's API, approved twice", async () => {
        await provesOnce("visitor-dashboard", async (draft) => {
          const approve = () => jsonCall(f.p, `/api/v1/drafts/${draft.id}/approve`, { method: "POST", body: {} });
          expect((await approve()).status).toBe(200);
          expect((await approve()).status).toBe(409);
          return draft.text;
        });
      });

      it("the Front plugin, approved twice", async () => {
        await provesOnce("visitor-front", async (draft) => {
          const approve = () =>
            f.p.api.request(`/front-plugin/api/drafts/${draft.id}/approve`, {
              method: "POST",
              headers: pluginHeaders,
              body: JSON.stringify({}),
            });
          expect((await approve()).status).toBe(200);
          expect((await approve()).status).toBe(409);
          return draft.text;
        });
      });
    },
  );
}
