/**
 * The embedded database is readable by its owner only (issue 14, Low): the data folder 0700 and
 * `support.db` 0600, even under a permissive umask and for a folder that already existed.
 */
import { mkdirSync, mkdtempSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../src/client.js";

const modeOf = (path: string) => statSync(path).mode & 0o777;

describe.skipIf(process.platform === "win32")("embedded database file modes", () => {
  it("creates the data folder 0700 and support.db 0600", async () => {
    const previous = process.umask(0o022);
    try {
      const dataDir = join(mkdtempSync(join(tmpdir(), "support-modes-")), "data");
      const database = await openDatabase({ dataDir });
      await database.migrate();
      expect(modeOf(dataDir)).toBe(0o700);
      expect(modeOf(join(dataDir, "support.db"))).toBe(0o600);
      await database.close();
    } finally {
      process.umask(previous);
    }
  });

  it("tightens a data folder that already existed with 0755", async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), "support-modes-")), "data");
    mkdirSync(dataDir, { mode: 0o755 });
    const database = await openDatabase({ dataDir });
    expect(modeOf(dataDir)).toBe(0o700);
    expect(modeOf(join(dataDir, "support.db"))).toBe(0o600);
    await database.close();
  });
});
