import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { openDatabase } from "@support/db";
import { afterEach, describe, expect, it } from "vitest";
import { eventually, messageEvent } from "./harness.js";

const child = join(dirname(fileURLToPath(import.meta.url)), "crash-child.ts");
const running: ChildProcess[] = [];
afterEach(() => {
  for (const process of running.splice(0)) process.kill("SIGKILL");
});

function startEngineProcess(dbPath: string, marker: string, mode: "hang" | "finish", event?: object) {
  // One node process (tsx as a loader), so SIGKILL hits the engine itself and not a wrapper.
  const args = ["--import", "tsx", child, dbPath, marker, mode, ...(event ? [JSON.stringify(event)] : [])];
  const proc = spawn(process.execPath, args, { stdio: ["ignore", "ignore", "inherit"] });
  running.push(proc);
  return proc;
}

const readMarker = (marker: string) =>
  existsSync(marker) ? readFileSync(marker, "utf8").split("\n").filter(Boolean) : [];
const count = (marker: string, line: string) => readMarker(marker).filter((l) => l === line).length;

describe("embedded engine durability", () => {
  it("a SIGKILL mid-run loses nothing and re-runs no completed step; the run resumes after restart", async () => {
    const dir = mkdtempSync(join(tmpdir(), "support-engine-crash-"));
    const dbPath = join(dir, "engine.db");
    const marker = join(dir, "steps.log");
    const event = messageEvent("crash");

    const first = startEngineProcess(dbPath, marker, "hang", event);
    await eventually(
      async () => readMarker(marker),
      (seen) => seen.includes("crash:start:two"),
      "step two to start",
      // A cold child process (tsx transpiling the engine) takes seconds on a busy CI machine.
      40_000,
    );
    first.kill("SIGKILL");
    await new Promise((resolve) => first.once("exit", resolve));
    expect(count(marker, "crash:done:one")).toBe(1);
    expect(count(marker, "crash:done:two")).toBe(0);
    const beforeRestart = readMarker(marker).length;

    // After the restart, a run of the same conversation and organization: it can only start once
    // the killed run's slots are reclaimed (their lease expired) and released again.
    const next = messageEvent("after-crash", event.data.conversationId);
    startEngineProcess(dbPath, marker, "finish", next);
    const database = await openDatabase({ url: `file:${dbPath}`, dataDir: dir });
    try {
      const runs = await eventually(
        async () => database.db.q.select().from(database.db.t.engineRuns),
        (rows) => rows.length === 2 && rows.every((row) => row.status === "completed"),
        "both runs to complete after the restart",
        40_000,
      );
      const run = runs.find((row) => row.eventId === event.id);
      expect(run?.output).toEqual(["one", "two", "three"]);
      // Step one completed before the kill and was replayed from memory, not run again; step
      // two was interrupted, so it started twice and completed once.
      expect(count(marker, "crash:start:one")).toBe(1);
      expect(count(marker, "crash:done:one")).toBe(1);
      expect(count(marker, "crash:start:two")).toBe(2);
      expect(count(marker, "crash:done:two")).toBe(1);
      expect(count(marker, "crash:done:three")).toBe(1);
      expect(count(marker, "after-crash:done:three")).toBe(1);
      // The two runs never executed at once (one conversation): after the restart, no step of one
      // started while a step of the other was in flight. (Between steps they may take turns, as on
      // Inngest, where a concurrency limit bounds executing steps, not whole runs.)
      let inFlight: string | undefined;
      for (const line of readMarker(marker).slice(beforeRestart)) {
        const [message, phase] = line.split(":");
        if (phase === "start") {
          expect(inFlight, `${line} started while ${inFlight} was running`).toBeUndefined();
          inFlight = message;
        } else if (phase === "done") inFlight = undefined;
      }
      // No slot outlived the runs (each is released just after its run's final state is stored).
      await eventually(
        async () => database.db.q.select().from(database.db.t.engineConcurrencySlots),
        (slots) => slots.length === 0,
        "the runs' slots to be released",
        5_000,
      );
    } finally {
      await database.close();
    }
  }, 90_000);
});
