import { createOrganization } from "@support/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dailySummary } from "../../src/workflows/daily-summary.js";
import { connectSlack, recordingNotifier } from "./notifier-fixture.js";
import { emitted, openPipelineFixture, type PipelineFixture, testEngine } from "./pipeline-fixture.js";

describe("daily-summary", () => {
  let fixture: PipelineFixture;
  let orgIds: string[];
  beforeAll(async () => {
    fixture = await openPipelineFixture();
    orgIds = [];
    for (const name of ["Acme", "Globex", "Initech"]) {
      const org = await createOrganization(fixture.runtime.database.db, { name, slug: name.toLowerCase() });
      orgIds.push(org.id);
    }
  });
  afterAll(() => fixture.close());
  const engine = () => testEngine(dailySummary(fixture.inngest, fixture.platform));
  // The scheduled event of 1 March 2026, 08:00 UTC.
  const tick = {
    name: "inngest/scheduled.timer",
    data: { cron: "0 8 * * *" },
    ts: Date.UTC(2026, 2, 1, 8, 0),
  };
  const summariesDue = async (orgId: string) =>
    (await emitted(fixture, orgId)).filter((event) => event.name === "support/summary.due");

  it("with no organization on Slack, emits no summary", async () => {
    const { result, ctx } = await engine().execute({ events: [tick] });
    expect(result).toEqual({ day: "2026-03-01", organizations: [] });
    expect(ctx.step.run).toHaveBeenCalledWith("fan-out", expect.any(Function));
    for (const orgId of orgIds) expect(await summariesDue(orgId)).toEqual([]);
  });

  it("emits one summary.due per organization on Slack, for the scheduled day, and posts nothing itself", async () => {
    const notifier = recordingNotifier();
    fixture.notifier = notifier;
    const [acme, globex, initech] = orgIds as [string, string, string];
    await connectSlack(fixture, acme);
    await connectSlack(fixture, globex);
    const { result, ctx } = await engine().execute({ events: [tick] });
    expect(ctx.step.run).toHaveBeenCalledWith("day", expect.any(Function));
    expect(ctx.step.run).toHaveBeenCalledWith("fan-out", expect.any(Function));
    expect(result).toEqual({ day: "2026-03-01", organizations: expect.arrayContaining([acme, globex]) });
    expect((result as { organizations: string[] }).organizations).toHaveLength(2);
    expect(await summariesDue(acme)).toEqual([
      { name: "support/summary.due", data: { v: 1, orgId: acme, day: "2026-03-01" } },
    ]);
    expect(await summariesDue(globex)).toEqual([
      { name: "support/summary.due", data: { v: 1, orgId: globex, day: "2026-03-01" } },
    ]);
    expect(await summariesDue(initech)).toEqual([]);
    // Slack is told by post-daily-summary, one run per organization.
    expect(notifier.posts.summaries).toEqual([]);
  });
});
