import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { skillIn } from "./skill.js";

const root = resolve(import.meta.dirname, "../../..");
const skill = (...args: string[]) =>
  skillIn({ DATA_DIR: mkdtempSync(join(tmpdir(), "support-eval-answers-")) }, ...args);

/**
 * The floors are the README's ("Answer quality" section): one row per metric, `| \`path\` | ≥ 0.9 |`,
 * so the documented figures and the enforced ones cannot drift apart.
 */
function readmeFloors(): { path: string; op: "≥" | "≤" | "="; value: number }[] {
  const readme = readFileSync(join(root, "README.md"), "utf8");
  const section = readme.slice(readme.indexOf("## Answer quality"));
  return [...section.matchAll(/^\| `([\w.]+)` +\| (≥|≤|=) ([\d.]+) +\|/gm)].map((m) => ({
    path: m[1] as string,
    op: m[2] as "≥" | "≤" | "=",
    value: Number(m[3]),
  }));
}

const at = (report: unknown, path: string): unknown =>
  path.split(".").reduce<unknown>((v, key) => (v as Record<string, unknown> | undefined)?.[key], report);

describe("skill eval answers on the dev sets (eval/answers)", () => {
  it("holds every floor the README sets", async () => {
    const floors = readmeFloors();
    expect(floors.length).toBeGreaterThanOrEqual(8);
    const { code, stdout, stderr } = await skill("eval", "answers", "--dataset", join(root, "eval/answers"), "--json");
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.questions).toBeGreaterThanOrEqual(60);
    const misses = floors.flatMap(({ path, op, value }) => {
      const actual = at(report, path);
      const ok =
        typeof actual === "number" && (op === "≥" ? actual >= value : op === "≤" ? actual <= value : actual === value);
      return ok ? [] : [`${path} is ${JSON.stringify(actual)}, floor ${op} ${value}`];
    });
    expect(misses).toEqual([]);
  }, 180_000);

  it("names the line and field of a bad question, and a business without knowledge", async () => {
    const dir = mkdtempSync(join(tmpdir(), "support-answer-set-"));
    mkdirSync(join(dir, "kb"));
    writeFileSync(join(dir, "kb", "faq.md"), "# FAQ\n\nWe ship in 3 days.\n");
    writeFileSync(
      join(dir, "questions.jsonl"),
      '{"text": "When?", "lang": "en", "expect": {"facts": ["3 days"]}}\n{"lang": "en"}\n',
    );
    const bad = await skill("eval", "answers", "--dataset", dir);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/questions\.jsonl:2: text/);
    const empty = mkdtempSync(join(tmpdir(), "support-answer-set-"));
    writeFileSync(join(empty, "questions.jsonl"), '{"text": "When?", "lang": "en", "expect": {"facts": []}}\n');
    expect((await skill("eval", "answers", "--dataset", empty)).stderr).toMatch(/has no kb\/ folder/);
  });
});
