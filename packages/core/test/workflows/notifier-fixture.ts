import { findNotificationByKey } from "@support/db";
import { expect } from "vitest";
import type { Notice, Notifier, PostedNotice } from "../../src/notifications/notifier.js";
import { configureSlack } from "../../src/notifications/slack-config.js";
import { type ServiceContext, serviceContext } from "../../src/service/context.js";
import { emitted, type PipelineFixture, type testEngine } from "./pipeline-fixture.js";

/** What a recording notifier was asked to post, in order. */
export interface RecordedPosts {
  /** The notification keys posted (reminders, escalations, failed sends). */
  notifications: string[];
  /** The organizations whose daily summary was posted. */
  summaries: string[];
}

/**
 * The Notifier port in memory: it records every post and answers like Slack (channel and a
 * fresh message ts), or, given a failure, throws it like a Slack outage and records nothing.
 */
export function recordingNotifier(failure?: Error): Notifier & { posts: RecordedPosts } {
  const posts: RecordedPosts = { notifications: [], summaries: [] };
  let sequence = 0;
  const answer = (): PostedNotice => {
    if (failure) throw failure;
    sequence += 1;
    return { channel: "C0NOTIFY", ts: `1700000000.${String(sequence).padStart(6, "0")}` };
  };
  return {
    posts,
    async post(_ctx: ServiceContext, notification: Notice) {
      const posted = answer();
      posts.notifications.push(notification.key);
      return posted;
    },
    async postDailySummary(ctx: ServiceContext) {
      const posted = answer();
      posts.summaries.push(ctx.org.id);
      return posted;
    },
  };
}

/** The notification stored for a key, or a failure naming the key. */
export async function storedNotification(fixture: PipelineFixture, orgId: string, key: string) {
  const row = await findNotificationByKey(fixture.runtime.database.db, orgId, key);
  if (!row) throw new Error(`no notification stored for ${key}`);
  return row;
}

/** Connects a Slack workspace to the organization through the real configuration service. */
export async function connectSlack(fixture: PipelineFixture, orgId: string) {
  const ada = serviceContext(fixture.platform, orgId, { kind: "user", role: "admin", name: "user:ada" });
  await configureSlack(ada, { botToken: "xoxb-test-token", signingSecret: "signing-secret", channelId: "C0NOTIFY" });
}

type NotifyEngine = ReturnType<typeof testEngine>;
type NotifyEvent = Parameters<NotifyEngine["execute"]>[0] extends infer O
  ? O extends { events?: (infer E)[] }
    ? E
    : never
  : never;

interface NotifyCase {
  fixture: PipelineFixture;
  tenant: { orgId: string; appId: string };
  engine: () => NotifyEngine;
  event: NotifyEvent;
  /** The notification's idempotency key, e.g. `reminder:<draft id>`. */
  key: string;
}

const announcements = async (fixture: PipelineFixture, orgId: string) =>
  (await emitted(fixture, orgId)).filter((event) => event.name === "support/notification.created");

/**
 * What every notify-* workflow promises: the first run records the notification, announces it
 * once and posts it once; Inngest's retry of tell-slack (with `record` memoized) and a redelivered
 * event find the stored Slack ts and post nothing more. Answers the stored row.
 */
export async function expectNotifiedOnce(
  { fixture, tenant, engine, event, key }: NotifyCase,
  expected: { kind: string; conversationId: string; draftId: string; row: Record<string, unknown> },
) {
  const notifier = recordingNotifier();
  fixture.notifier = notifier;
  const before = (await announcements(fixture, tenant.orgId)).length;
  const { result, ctx } = await engine().execute({ events: [event] });
  const row = await storedNotification(fixture, tenant.orgId, key);
  expect(ctx.step.run).toHaveBeenCalledWith("record", expect.any(Function));
  expect(ctx.step.run).toHaveBeenCalledWith("tell-slack", expect.any(Function));
  expect(result).toEqual({ notificationId: row.id, slackTs: "1700000000.000001", postedNow: true });
  expect(row).toMatchObject({ kind: expected.kind, slackTs: "1700000000.000001", ...expected.row });
  expect(notifier.posts.notifications).toEqual([key]);
  const announcement = {
    name: "support/notification.created",
    data: {
      v: 1,
      ...tenant,
      notificationId: row.id,
      kind: expected.kind,
      conversationId: expected.conversationId,
      draftId: expected.draftId,
    },
  };
  const announced = await announcements(fixture, tenant.orgId);
  expect(announced).toContainEqual(announcement);
  expect(announced).toHaveLength(before + 1);

  const retried = await engine().execute({ events: [event], steps: [{ id: "record", handler: () => row.id }] });
  expect(retried.result).toEqual({ notificationId: row.id, slackTs: "1700000000.000001", postedNow: false });
  const again = await engine().execute({ events: [event] });
  expect(again.result).toEqual({ notificationId: row.id, slackTs: "1700000000.000001", postedNow: false });
  expect(notifier.posts.notifications).toEqual([key]);
  expect(await announcements(fixture, tenant.orgId)).toHaveLength(before + 1);
  return row;
}

/**
 * A Slack outage fails tell-slack with a retriable error and leaves the row without a Slack ts;
 * the retry, with Slack back and `record` memoized, posts it once.
 */
export async function expectOutageRetried({ fixture, tenant, engine, event, key }: NotifyCase) {
  fixture.notifier = recordingNotifier(new Error("slack is down"));
  const { error } = await engine().execute({ events: [event] });
  expect(error).toMatchObject({ message: "slack is down" });
  expect(error).not.toMatchObject({ name: "NonRetriableError" });
  const row = await storedNotification(fixture, tenant.orgId, key);
  expect(row.slackTs).toBeNull();

  const notifier = recordingNotifier();
  fixture.notifier = notifier;
  const retried = await engine().execute({ events: [event], steps: [{ id: "record", handler: () => row.id }] });
  expect(retried.result).toMatchObject({ notificationId: row.id, postedNow: true });
  expect(notifier.posts.notifications).toEqual([key]);
  expect((await storedNotification(fixture, tenant.orgId, key)).slackTs).toBe("1700000000.000001");
}
