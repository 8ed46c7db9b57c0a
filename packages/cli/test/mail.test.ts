import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { skillIn } from "./skill.js";

const skill = (dataDir: string, ...args: string[]) => skillIn({ DATA_DIR: dataDir }, ...args);

describe("skill mail", () => {
  const dataDir = join(mkdtempSync(join(tmpdir(), "support-mail-cli-")), "data");

  it("lists the embedded mailbox and shows one mail, as text or JSON", { timeout: 60_000 }, async () => {
    const init = await skill(dataDir, "init", "--name", "Acme", "--owner-email", "Owner@Example.com");
    expect(init.code, init.stderr).toBe(0);
    expect((await skill(dataDir, "mail", "list", "--to", "nobody@example.com")).stdout.trim()).toBe("No mails.");
    const list = JSON.parse((await skill(dataDir, "mail", "list", "--to", "owner@example.com", "--json")).stdout);
    expect(list.data).toHaveLength(1);
    expect(list.data[0]).toMatchObject({ kind: "password_set", recipient: "owner@example.com" });
    const text = await skill(dataDir, "mail", "list");
    expect(text.stdout).toContain(list.data[0].id);
    const shown = await skill(dataDir, "mail", "show", list.data[0].id);
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stdout).toContain("To: owner@example.com");
    expect(shown.stdout).toMatch(/reset-password/);
    const missing = await skill(dataDir, "mail", "show", "mal_NOPE");
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain('mail "mal_NOPE" not found');
    expect((await skill(dataDir, "mail", "list", "--limit", "0")).stderr).toContain("--limit is a whole number");
  });
});
