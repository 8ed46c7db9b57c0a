import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, utimesSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { currentBuild } from "../scripts/build.mjs";
import { skillIn } from "./skill.js";

const exec = promisify(execFile);
const bin = resolve(import.meta.dirname, "../bin/skill.js");

/** The `skill` executable as a user runs it: plain node on the bundle, built first when stale. */
async function skillBin(env: Record<string, string>, ...args: string[]) {
  try {
    const { stdout, stderr } = await exec(process.execPath, [bin, ...args], { env: { ...process.env, ...env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe("the skill executable (bundle on plain node)", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "support-cli-bin-"));

  it("runs local commands on the database (its migrations found) like the CLI in-process", async () => {
    const init = await skillBin({ DATA_DIR: dataDir }, "init", "--name", "Bundled", "--json");
    expect(init.code, init.stderr).toBe(0);
    expect(JSON.parse(init.stdout).app).toMatchObject({ slug: "bundled", created: true });
    const listed = await skillBin({ DATA_DIR: dataDir }, "apps", "list", "--json");
    expect(listed.code, listed.stderr).toBe(0);
    const inProcess = await skillIn({ DATA_DIR: dataDir }, "apps", "list", "--json");
    expect(JSON.parse(listed.stdout)).toEqual(JSON.parse(inProcess.stdout));
    const bad = await skillBin({ DATA_DIR: dataDir }, "keys", "revoke", "key_nope");
    expect(bad).toMatchObject({ code: 1, stdout: "", stderr: "skill: API key key_nope not found\n" });
  }, 600_000);

  it("goes remote over HTTP when SUPPORT_API_URL and SUPPORT_API_KEY are set", async () => {
    const server = createServer((req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ data: [{ id: "app_remote", slug: req.url?.split("?")[0], name: "Remote" }] }));
    });
    await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const env = { DATA_DIR: dataDir, SUPPORT_API_URL: url, SUPPORT_API_KEY: "sk_bin_test_remote_key" };
      const remote = await skillBin(env, "apps", "list", "--json");
      expect(remote.code, remote.stderr).toBe(0);
      expect(JSON.parse(remote.stdout).data[0]).toMatchObject({ id: "app_remote", slug: "/api/v1/apps" });
    } finally {
      server.close();
    }
  }, 600_000);

  it("rebuilds the bundle when a source is newer than it, and only then", async () => {
    const built = await currentBuild();
    expect(await currentBuild()).toBe(built);
    const source = resolve(import.meta.dirname, "../src/usage.ts");
    const now = new Date();
    utimesSync(source, now, now);
    const rebuilt = await currentBuild();
    expect(rebuilt).not.toBe(built);
    expect(existsSync(rebuilt)).toBe(true);
    expect(await currentBuild()).toBe(rebuilt);
  }, 600_000);
});
