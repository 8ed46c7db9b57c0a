import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { skillIn } from "./skill.js";

const skill = (dataDir: string, ...args: string[]) => skillIn({ DATA_DIR: dataDir }, ...args);

describe("skill leads", () => {
  const dataDir = join(mkdtempSync(join(tmpdir(), "support-leads-cli-")), "data");

  it("lists a shop's leads by stage, and refuses a stage that does not exist", async () => {
    expect((await skill(dataDir, "init", "--name", "Epicerie")).code).toBe(0);
    const empty = await skill(dataDir, "leads", "list", "--app", "epicerie");
    expect(empty.code, empty.stderr).toBe(0);
    expect(empty.stdout.trim()).toBe("No leads.");
    const json = await skill(dataDir, "leads", "list", "--app", "epicerie", "--stage", "won", "--json");
    expect(JSON.parse(json.stdout)).toEqual({ data: [] });
    const bad = await skill(dataDir, "leads", "list", "--app", "epicerie", "--stage", "gagné");
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain("--stage is one of new, qualified, quoted, won, lost");
    const unknown = await skill(dataDir, "leads", "list", "--app", "nope");
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toContain('app "nope" not found');
  });
});
