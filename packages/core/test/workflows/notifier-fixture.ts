import { findNotificationByKey } from "@support/db";
import type { Notice, Notifier, PostedNotice } from "../../src/notifications/notifier.js";
import { configureSlack } from "../../src/notifications/slack-config.js";
import { type ServiceContext, serviceContext } from "../../src/service/context.js";
import type { PipelineFixture } from "./pipeline-fixture.js";

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
