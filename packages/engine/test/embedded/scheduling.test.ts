import { describe, expect, it } from "vitest";
import { nextCronTime } from "../../src/embedded/cron.js";
import { resolveWakeTime } from "../../src/embedded/durations.js";
import { evaluateExpression, evaluateKey, UnsupportedExpressionError } from "../../src/embedded/expressions.js";

describe("cron schedules (UTC)", () => {
  const at = (iso: string) => new Date(iso);
  it("finds the next firing minute for steps, ranges, lists and day fields", () => {
    expect(nextCronTime("*/5 * * * *", at("2026-11-24T13:02:30Z")).toISOString()).toBe("2026-11-24T13:05:00.000Z");
    expect(nextCronTime("0 9-17/4 * * *", at("2026-11-24T13:00:00Z")).toISOString()).toBe("2026-11-24T17:00:00.000Z");
    expect(nextCronTime("30 2 1,15 * *", at("2026-11-24T13:00:00Z")).toISOString()).toBe("2026-12-01T02:30:00.000Z");
    // 2026-11-29 is a Sunday (0 and 7 both name it).
    expect(nextCronTime("0 0 * * 7", at("2026-11-24T13:00:00Z")).toISOString()).toBe("2026-11-29T00:00:00.000Z");
    expect(nextCronTime("0 0 * * *", at("2026-11-24T00:00:00Z")).toISOString()).toBe("2026-11-25T00:00:00.000Z");
  });
  it("rejects what it does not support instead of guessing", () => {
    expect(() => nextCronTime("TZ=Europe/Paris 0 9 * * *", new Date())).toThrow();
    expect(() => nextCronTime("0 0 9 * * *", new Date())).toThrow();
    expect(() => nextCronTime("61 * * * *", new Date())).toThrow();
  });
});

describe("durations from the SDK", () => {
  const from = new Date("2026-11-24T13:00:00.000Z");
  it("reads normalised durations and ISO timestamps", () => {
    expect(resolveWakeTime("1m30s", from).toISOString()).toBe("2026-11-24T13:01:30.000Z");
    expect(resolveWakeTime("2d", from).toISOString()).toBe("2026-11-26T13:00:00.000Z");
    expect(resolveWakeTime("2026-12-01T00:00:00.000Z", from).toISOString()).toBe("2026-12-01T00:00:00.000Z");
    expect(() => resolveWakeTime("soon", from)).toThrow();
  });
});

describe("expressions", () => {
  const event = { data: { conversationId: "c1", n: 2 } };
  it("compares paths of the trigger and the incoming event, and literals", () => {
    const match = "event.data.conversationId == async.data.conversationId";
    expect(evaluateExpression(match, { event, async: { data: { conversationId: "c1" } } })).toBe(true);
    expect(evaluateExpression(match, { event, async: { data: { conversationId: "c2" } } })).toBe(false);
    expect(evaluateExpression(match, { event, async: { data: {} } })).toBe(false);
    expect(evaluateExpression("event.data.n == 2 && event.data.conversationId != 'c9'", { event })).toBe(true);
    expect(evaluateKey("event.data.conversationId", event)).toBe("c1");
  });
  it("rejects expressions outside the supported subset", () => {
    expect(() => evaluateExpression("event.data.n > 1", { event })).toThrow(UnsupportedExpressionError);
    expect(() => evaluateExpression("size(event.data) == 1", { event })).toThrow(UnsupportedExpressionError);
  });
});
