import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postDailySummary } from "../../src/workflows/post-daily-summary.js";
import { recordingNotifier, storedNotification } from "./notifier-fixture.js";
import { emitted, openPipelineFixture, type PipelineFixture, seedTenant, testEngine } from "./pipeline-fixture.js";

describe("post-daily-summary", () => {
  let fixture: PipelineFixture;
  let acme: string;
  let globex: string;
  beforeAll(async () => {
    fixture = await openPipelineFixture();
    acme = (await seedTenant(fixture)).orgId;
    globex = (await seedTenant(fixture)).orgId;
  });
  afterAll(() => fixture.close());
  const engine = () => testEngine(postDailySummary(fixture.inngest, fixture.platform));
  const due = (orgId: string, day: string) => ({
    name: "support/summary.due" as const,
    data: { v: 1 as const, orgId, day },
  });

  it("posts an organization's summary once per day, and records it without announcing it", async () => {
    const notifier = recordingNotifier();
    fixture.notifier = notifier;
    const { result, ctx } = await engine().execute({ events: [due(acme, "2026-03-01")] });
    expect(ctx.step.run).toHaveBeenCalledWith("post", expect.any(Function));
    const row = await storedNotification(fixture, acme, "summary:2026-03-01");
    expect(result).toEqual({ notificationId: row.id, slackTs: "1700000000.000001", postedNow: true });
    expect(row).toMatchObject({
      kind: "daily_summary",
      appId: null,
      reason: "Daily summary for 2026-03-01",
      slackChannelId: "C0NOTIFY",
      slackTs: "1700000000.000001",
    });
    expect(notifier.posts.summaries).toEqual([acme]);
    // The summary only informs: it is not in the "Needs attention" stream.
    expect((await emitted(fixture, acme)).filter((event) => event.name === "support/notification.created")).toEqual([]);

    // A redelivered event (or a retried step) the same day posts nothing more.
    const again = await engine().execute({ events: [due(acme, "2026-03-01")] });
    expect(again.result).toEqual({ notificationId: row.id, slackTs: "1700000000.000001", postedNow: false });
    expect(notifier.posts.summaries).toEqual([acme]);

    // Another organization the same day, and the same organization the next day, each post once.
    await engine().execute({ events: [due(globex, "2026-03-01")] });
    await engine().execute({ events: [due(acme, "2026-03-02")] });
    expect(notifier.posts.summaries).toEqual([acme, globex, acme]);
    expect((await storedNotification(fixture, globex, "summary:2026-03-01")).slackTs).toBe("1700000000.000002");
    expect((await storedNotification(fixture, acme, "summary:2026-03-02")).slackTs).toBe("1700000000.000003");
  });

  it("a Notifier error fails the step (Inngest retries it) and leaves the day unposted", async () => {
    fixture.notifier = recordingNotifier(new Error("slack is down"));
    const { error } = await engine().execute({ events: [due(globex, "2026-03-05")] });
    expect(error).toMatchObject({ message: "slack is down" });
    expect(error).not.toMatchObject({ name: "NonRetriableError" });
    expect((await storedNotification(fixture, globex, "summary:2026-03-05")).slackTs).toBeNull();

    const notifier = recordingNotifier();
    fixture.notifier = notifier;
    const retried = await engine().execute({ events: [due(globex, "2026-03-05")] });
    expect(retried.result).toMatchObject({ postedNow: true });
    expect(notifier.posts.summaries).toEqual([globex]);
  });

  it("when nothing was posted (Slack not configured at the time), a later run that day may still post", async () => {
    fixture.notifier = { post: async () => undefined, postDailySummary: async () => undefined };
    const unposted = await engine().execute({ events: [due(acme, "2026-03-09")] });
    expect(unposted.result).toMatchObject({ slackTs: null, postedNow: false });

    const notifier = recordingNotifier();
    fixture.notifier = notifier;
    const posted = await engine().execute({ events: [due(acme, "2026-03-09")] });
    expect(posted.result).toMatchObject({ postedNow: true });
    expect(notifier.posts.summaries).toEqual([acme]);
  });
});
