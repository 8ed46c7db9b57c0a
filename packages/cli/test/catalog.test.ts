import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { skillIn } from "./skill.js";

const skill = (dataDir: string, ...args: string[]) => skillIn({ DATA_DIR: dataDir }, ...args);

describe("skill catalog", () => {
  const root = mkdtempSync(join(tmpdir(), "support-catalog-cli-"));
  const dataDir = join(root, "data");
  const good = join(root, "produits.csv");
  const broken = join(root, "casse.csv");
  writeFileSync(
    good,
    "sku,title,description,price,currency,stock,image\nRIZ-MAK-25,Riz makalioka 25 kg,,95000,MGA,40,\nSUC-1,Sucre 1 kg,,4500,MGA,,\n",
  );
  writeFileSync(broken, "sku,title,price\nSEL,Sel fin,800\nPOIV,Poivre,abc\nSEL,Sel,900\n");

  it("imports a CSV with --json, then re-imports it with nothing to change", async () => {
    expect((await skill(dataDir, "init", "--name", "Epicerie")).code).toBe(0);
    const first = await skill(dataDir, "catalog", "import", good, "--app", "epicerie", "--json");
    expect(first.code, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ applied: true, counts: { created: 2, rejected: 0 } });
    const again = await skill(dataDir, "catalog", "import", good, "--app", "epicerie");
    expect(again.stdout).toContain("Imported produits.csv: 0 created, 0 updated, 2 unchanged.");
    const list = await skill(dataDir, "catalog", "list", "--app", "epicerie", "--q", "vary 25kg");
    expect(list.stdout.split("\n")[0]).toBe("RIZ-MAK-25  Riz makalioka 25 kg  95 000 Ar  stock 40");
  });

  it("prints each rejected line and exits 1 without importing anything", async () => {
    const res = await skill(dataDir, "catalog", "import", broken, "--app", "epicerie");
    expect(res.code).toBe(1);
    expect(res.stdout).toBe(
      [
        "Nothing imported from casse.csv:",
        "  2 row(s) rejected: nothing was imported",
        '  line 3 (POIV): price "abc" is not a number',
        "  line 4 (SEL): sku SEL repeats line 2",
        "",
      ].join("\n"),
    );
    const list = JSON.parse((await skill(dataDir, "catalog", "list", "--app", "epicerie", "--json")).stdout);
    expect(list.data.map((p: { sku: string }) => p.sku)).toEqual(["RIZ-MAK-25", "SUC-1"]);
  });
});
