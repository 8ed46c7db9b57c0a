import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { skillIn } from "./skill.js";

describe("skill widget", () => {
  const dataDir = join(mkdtempSync(join(tmpdir(), "support-widget-cli-")), "data");
  const skill = (...args: string[]) => skillIn({ DATA_DIR: dataDir }, ...args);

  it("rotates the widget secret (turning the widget on) and shows the setup without it", async () => {
    expect((await skill("init", "--name", "Shop")).code).toBe(0);
    const off = JSON.parse((await skill("widget", "show", "--app", "shop", "--json")).stdout);
    expect(off).toMatchObject({ enabled: false, secretSet: false });
    const first = await skill("widget", "rotate", "--app", "shop", "--json");
    expect(first.code, first.stderr).toBe(0);
    const { secret, previousSecretValid } = JSON.parse(first.stdout);
    expect(secret).toMatch(/^wsk_/);
    expect(previousSecretValid).toBe(false);
    const second = await skill("widget", "rotate", "--app", "shop");
    expect(second.stdout).toContain("previous secret keeps verifying");
    const shown = await skill("widget", "show", "--app", "shop");
    expect(shown.stdout).toContain("Chat widget of shop: on");
    expect(shown.stdout).toContain("<script src=");
    expect(shown.stdout).not.toContain(secret);
    expect((await skill("widget", "show")).code).not.toBe(0);
  });
});
