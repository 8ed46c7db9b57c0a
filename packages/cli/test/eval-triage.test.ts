import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { skillIn } from "./skill.js";

const skill = (...args: string[]) => skillIn({ DATA_DIR: dir }, ...args);

const dir = mkdtempSync(join(tmpdir(), "support-eval-"));
const topics: Record<string, string[]> = {
  shipping: ["parcel", "delivery", "package", "courier", "tracking number", "shipment"],
  login: ["password", "login", "sign in", "two factor code", "locked account", "username"],
};
const templates = ["question about my {w}", "problem with the {w} today", "help with {w} please", "my {w} is wrong"];
const rows = Object.entries(topics).flatMap(([label, ws]) =>
  ws.flatMap((w) => templates.map((t) => ({ text: t.replace("{w}", w), label }))),
);
const jsonl = (items: object[]) => `${items.map((r) => JSON.stringify(r)).join("\n")}\n`;
const train = join(dir, "train.jsonl");
const test = join(dir, "test.jsonl");
writeFileSync(
  train,
  jsonl([
    ...rows.filter((_, i) => i % 4 !== 0),
    { text: "play jazz music", label: "oos" },
    { text: "weather in Paris", label: "oos" },
  ]),
);
writeFileSync(test, jsonl([...rows.filter((_, i) => i % 4 === 0), { text: "tell me a joke", label: "oos" }]));

describe("skill eval triage", () => {
  it("prints the metrics as JSON", async () => {
    const result = await skill("eval", "triage", "--train", train, "--test", test, "--json");
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({ trainRows: 38, testRows: 13, labels: 3, shots: null });
    expect(report.accuracy).toBeGreaterThan(0.5);
    expect(typeof report.macroF1).toBe("number");
    expect(typeof report.outOfScopeRecall).toBe("number");
    expect(typeof report.abstentionRate).toBe("number");
  });

  it("trains on k rows per label with --shots and prints text by default", async () => {
    const result = await skill("eval", "triage", "--train", train, "--test", test, "--shots", "2");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/trained on 6 rows \(3 labels, 2 per label\)/);
    expect(result.stdout).toMatch(/macro-F1\s+\d+\.\d%/);
    expect(result.stdout).toMatch(/out-of-scope recall\s+\d+\.\d%/);
  });

  it("names the bad line of a malformed file", async () => {
    const bad = join(dir, "bad.jsonl");
    writeFileSync(bad, '{"text":"ok","label":"a"}\n{"text":1}\n');
    const result = await skill("eval", "triage", "--train", bad, "--test", test);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("bad.jsonl:2");
  });
});
