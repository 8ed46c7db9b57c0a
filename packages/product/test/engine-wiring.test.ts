import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { appendOutbox, getEngineRun, listEngineRuns } from "@support/engine";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig, openProduct, type Product } from "../src/index.js";
import { eventually } from "../src/testing.js";

let runtime: Product;
const handled: string[] = [];
beforeAll(async () => {
  runtime = await openProduct(loadConfig({ DATA_DIR: mkdtempSync(join(tmpdir(), "support-wiring-")) }), {
    engine: { pollMs: 20 },
    workflows: (inngest) => [
      inngest.createFunction(
        { id: "on-message", triggers: [{ event: "support/message.received" }] },
        async ({ event, step }) =>
          step.run("handle", () => {
            handled.push(event.id ?? "");
            return event.data.messageId;
          }),
      ),
    ],
  });
  await runtime.start();
});
afterAll(() => runtime.close());

describe("the product without Inngest configured", () => {
  it("relays committed outbox events to the embedded engine, which runs the served functions", async () => {
    expect(runtime.config.inngest).toEqual({ mode: "embedded" });
    const orgId = "org_wiring";
    const data = {
      v: 1,
      orgId,
      appId: "app_1",
      conversationId: "cnv_1",
      messageId: "msg_1",
      channel: "web",
      direction: "inbound",
      authorKind: "customer",
    };
    const eventId = await runtime.database.transaction((tx) =>
      appendOutbox(tx, orgId, "support/message.received", data),
    );
    runtime.relay.notify();
    const [run] = await eventually(
      () => listEngineRuns(runtime.database.db, orgId),
      (runs) => runs[0]?.status === "completed",
      "the run to complete",
    );
    expect(run?.eventId).toBe(eventId);
    expect(run?.output).toBe("msg_1");
    expect(handled).toEqual([eventId]);
    expect(await getEngineRun(runtime.database.db, "org_other", run?.id ?? "")).toBeUndefined();
  });
});
