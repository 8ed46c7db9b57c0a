import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { skillIn } from "./skill.js";

const skill = (dataDir: string, ...args: string[]) => skillIn({ DATA_DIR: dataDir }, ...args);

describe("skill categories", () => {
  const root = mkdtempSync(join(tmpdir(), "support-categories-cli-"));
  const dataDir = join(root, "data");
  const yamlFile = join(root, "studio.yaml");
  writeFileSync(
    yamlFile,
    `threshold: 0.7
fallbackCategory: SUPPORT
categories:
  - name: MODELISATION
    description: A request to model an object in 3D.
    examples: ["Je voudrais modéliser une chaise"]
    signals: [".stl", "modéliser"]
  - name: SUPPORT
    description: Questions about an order, credits or the account.
    examples: ["Combien de crédits me reste-t-il ?"]
`,
  );

  it("sets them from YAML, shows them, and resets to the built-in set", async () => {
    expect((await skill(dataDir, "init", "--name", "Studio")).code).toBe(0);
    const set = await skill(dataDir, "categories", "set", yamlFile, "--app", "studio", "--json");
    expect(set.code, set.stderr).toBe(0);
    expect(JSON.parse(set.stdout)).toMatchObject({ custom: true, threshold: 0.7, fallbackCategory: "SUPPORT" });
    const shown = await skill(dataDir, "categories", "show", "--app", "studio");
    expect(shown.stdout).toContain("Own categories of studio; threshold 0.7, below it: SUPPORT");
    expect(shown.stdout).toContain(
      "MODELISATION (medium) A request to model an object in 3D.  signals: .stl, modéliser",
    );
    const reset = await skill(dataDir, "categories", "reset", "--app", "studio", "--json");
    expect(JSON.parse(reset.stdout).custom).toBe(false);
  });

  it("refuses a bad file with the field and the reason", async () => {
    const bad = join(root, "bad.json");
    writeFileSync(bad, JSON.stringify({ categories: [{ name: "A", description: "x", examples: [] }] }));
    const res = await skill(dataDir, "categories", "set", bad, "--app", "studio");
    expect(res.code).toBe(1);
    expect(res.stderr).toContain("categories.0.examples:");
    expect(res.stderr).toContain("categories:");
    const unreadable = join(root, "broken.yaml");
    writeFileSync(unreadable, "categories: [unclosed");
    const broken = await skill(dataDir, "categories", "set", unreadable, "--app", "studio");
    expect(broken.stderr).toMatch(/broken\.yaml is neither JSON nor YAML/);
  });
});
