import { createRoute } from "@hono/zod-openapi";
import { stateOf, visitorConversation, widgetMessages } from "@support/core";
import type { PublishedEvent } from "@support/engine";
import type { Context } from "hono";
import { streamSSE } from "hono/streaming";
import type { ApiEnv } from "../context.js";
import { visitorOf } from "./widget-visitor.js";

/** What the visitor is told while they wait, from the pipeline's events about their conversation. */
const ACTIVITY: Record<string, string> = {
  "support/message.received": "drafting",
  "support/approval.requested": "reviewing",
  "support/conversation.escalated": "waiting_for_person",
};

/**
 * Beside the events, the stream looks at the conversation now and then: a reply written without
 * an event of its own (a handoff notice) still arrives, and proxies see traffic on an idle stream.
 */
const RECHECK_MS = 15_000;

/** The stream in /openapi.json (zod-openapi has no schema for an event stream). */
export const widgetEventsRouteDoc = createRoute({
  method: "get",
  path: "/widget/v1/{app}/events",
  tags: ["widget"],
  description:
    "Server-sent events of the visitor's conversation: `ready` (with the state), then `message` for each message " +
    "(its `id` is the message id: reconnect with `Last-Event-ID` to get only what was missed), `activity` " +
    "(drafting, reviewing, waiting_for_person), `typing` (a person is writing a reply) and `state`. The session token goes in `?session=`.",
  responses: {
    200: { description: "An event stream", content: { "text/event-stream": { schema: { type: "string" } } } },
    401: { description: "No valid session" },
    403: { description: "The page's origin may not use this app's widget" },
  },
});

/**
 * `GET /widget/v1/:app/events`: the visitor's replies, live. The bus only says that something
 * happened in the app; what is sent is read back from the visitor's own conversation after the
 * last message the browser has, so a reconnect (EventSource sends `Last-Event-ID` by itself)
 * resumes without a gap or a repeat, and nothing of another conversation can leak into it.
 */
export async function widgetStream(c: Context<ApiEnv>) {
  const visitor = await visitorOf(c);
  const { runtime } = c.var;
  const platform = runtime.platform;
  const resumeFrom = c.req.header("last-event-id") || c.req.query("after") || undefined;
  return streamSSE(c, async (stream) => {
    const existing = await visitorConversation(platform, visitor);
    let conversationId = existing?.id;
    const activities: string[] = [];
    let dirty = true;
    let wake: (() => void) | undefined;
    // The bus awaits subscribers: this one only notes and wakes, so a slow browser never holds the relay.
    const unsubscribe = runtime.bus.subscribe((event: PublishedEvent) => {
      const data = event.data as { orgId?: string; appId?: string; conversationId?: string; direction?: string };
      if (data.orgId !== visitor.app.orgId || data.appId !== visitor.app.id) return;
      if (conversationId ? data.conversationId !== conversationId : event.name !== "support/message.received") return;
      const activity = ACTIVITY[event.name];
      if (activity && !(event.name === "support/message.received" && data.direction !== "inbound")) {
        activities.push(activity);
      }
      dirty = true;
      wake?.();
    });
    // A person typing in the dashboard's composer: shown for a few seconds, never stored (ADR 0143).
    let typing = false;
    const stopTyping = platform.ports.live.subscribe((signal) => {
      if (signal.orgId !== visitor.app.orgId || !conversationId || signal.conversationId !== conversationId) return;
      typing = true;
      wake?.();
    });
    let open = true;
    stream.onAbort(() => {
      open = false;
      wake?.();
    });
    let cursor = resumeFrom;
    let state = stateOf(existing);
    try {
      await stream.writeSSE({ event: "ready", data: JSON.stringify({ state }) });
      while (open) {
        if (typing) {
          typing = false;
          await stream.writeSSE({ event: "typing", data: JSON.stringify({ who: "person" }) });
        }
        if (dirty) {
          dirty = false;
          const { conversation, messages } = await widgetMessages(platform, visitor, cursor);
          conversationId = conversation?.id;
          for (const message of messages) {
            await stream.writeSSE({ id: message.id, event: "message", data: JSON.stringify(message) });
            cursor = message.id;
          }
          for (const kind of activities.splice(0)) {
            await stream.writeSSE({ event: "activity", data: JSON.stringify({ kind }) });
          }
          const now = stateOf(conversation);
          if (now !== state) {
            state = now;
            await stream.writeSSE({ event: "state", data: JSON.stringify({ state }) });
          }
          continue;
        }
        const idle = await new Promise<boolean>((resolve) => {
          const timer = setTimeout(() => resolve(true), RECHECK_MS);
          wake = () => {
            clearTimeout(timer);
            resolve(false);
          };
        });
        wake = undefined;
        if (idle && open) {
          await stream.write(": keepalive\n\n");
          dirty = true;
        }
      }
    } finally {
      unsubscribe();
      stopTyping();
    }
  });
}
