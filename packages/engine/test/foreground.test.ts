import { describe, expect, it } from "vitest";
import { createForegroundGate, yieldToEventLoop } from "../src/foreground.js";

function deferred() {
  let resolve: () => void = () => {};
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

/** Lets every pending callback, timer-free, run: a turn that could resolve has resolved after this. */
async function settle() {
  for (let i = 0; i < 10; i++) await yieldToEventLoop();
}

describe("foreground gate", () => {
  it("gives background work its turn at once when no request is in flight", async () => {
    const gate = createForegroundGate({ backgroundEveryMs: 60_000 });
    let turned = false;
    void gate.turn().then(() => {
      turned = true;
    });
    await settle();
    expect(turned).toBe(true);
  });

  it("holds background work while a request is in flight and releases it when the request settles", async () => {
    const gate = createForegroundGate({ backgroundEveryMs: 60_000 });
    const request = deferred();
    const tracked = gate.track(async () => {
      await request.promise;
      return "answered";
    });
    expect(gate.inFlight()).toBe(1);
    const order: string[] = [];
    const turns = [gate.turn().then(() => order.push("first")), gate.turn().then(() => order.push("second"))];
    await settle();
    expect(order).toEqual([]);
    request.resolve();
    expect(await tracked).toBe("answered");
    await Promise.all(turns);
    expect(order).toEqual(["first", "second"]);
    expect(gate.inFlight()).toBe(0);
  });

  it("counts a request that failed as settled", async () => {
    const gate = createForegroundGate({ backgroundEveryMs: 60_000 });
    await expect(gate.track(async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(gate.inFlight()).toBe(0);
  });

  it("under sustained requests lets waiting background work through one unit at a time, in order", async () => {
    const gate = createForegroundGate({ backgroundEveryMs: 1 });
    const request = deferred();
    const tracked = gate.track(() => request.promise);
    const order: number[] = [];
    const first = gate.turn().then(() => order.push(1));
    const second = gate.turn().then(() => order.push(2));
    await first;
    expect(order).toEqual([1]);
    await second;
    expect(order).toEqual([1, 2]);
    expect(gate.inFlight()).toBe(1);
    request.resolve();
    await tracked;
  });
});
