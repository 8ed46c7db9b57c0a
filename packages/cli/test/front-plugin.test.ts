import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { skillIn } from "./skill.js";

describe("skill front-plugin", () => {
  const dataDir = join(mkdtempSync(join(tmpdir(), "support-front-plugin-cli-")), "data");
  const skill = (...args: string[]) => skillIn({ DATA_DIR: dataDir }, ...args);

  it("rotates the plugin secret (shown once, in the URL to register) and shows the teammate mapping without it", async () => {
    expect((await skill("init", "--name", "Shop", "--owner-email", "owner@example.com")).code).toBe(0);
    const before = JSON.parse((await skill("front-plugin", "show", "--json")).stdout);
    expect(before).toMatchObject({ configured: false, updatedAt: null });
    expect(before.teammates).toMatchObject([{ email: "owner@example.com", role: "owner" }]);

    const rotated = await skill("front-plugin", "rotate", "--json");
    expect(rotated.code, rotated.stderr).toBe(0);
    const { secret, pluginUrl } = JSON.parse(rotated.stdout);
    expect(secret).toMatch(/^fps_/);
    expect(new URL(pluginUrl).searchParams.get("key")).toBe(secret);
    const again = await skill("front-plugin", "rotate");
    expect(again.stdout).toContain("shown once");
    expect(again.stdout).not.toContain(secret);

    const shown = await skill("front-plugin", "show");
    expect(shown.stdout).toContain("Front plugin: secret set");
    expect(shown.stdout).toMatch(/owner@example\.com → user:\S+ \(owner\)/);
    expect(shown.stdout).not.toContain("key=");
    expect((await skill("front-plugin", "nope")).code).not.toBe(0);
    // Every command opens the local product: slow on a loaded machine.
  }, 240_000);
});
