import { execFile } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs, promisify } from "node:util";

/**
 * bench/cli: how long `skill` takes to start and answer, per command, as a fresh process each
 * time (what a person or a script sees). Two launchers: the `tsx` binary (`pnpm skill`, which
 * starts a second node process) and `node --import tsx` (one process, what the CLI tests spawn).
 * Remote mode talks to a fake server on 127.0.0.1 answering `GET /api/v1/apps`.
 *   pnpm --filter @support/bench-cli bench [--runs 5]
 */
const { values } = parseArgs({ options: { runs: { type: "string", default: "5" } }, allowPositionals: true });
const runs = Number(values.runs);
const exec = promisify(execFile);
const cliDir = resolve(import.meta.dirname, "../../packages/cli");
const main = join(cliDir, "src/main.ts");
const tsxBin = join(cliDir, "node_modules/.bin/tsx");
const tsxLoader = import.meta.resolve("tsx");

const server = createServer((_req, res) => {
  res.writeHead(200, { "content-type": "application/json" });
  res.end(JSON.stringify({ data: [{ id: "app_bench", slug: "bench", name: "Bench" }], nextCursor: null }));
});
await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
const remoteUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

const dataDir = mkdtempSync(join(tmpdir(), "support-bench-cli-"));
const local = { DATA_DIR: dataDir };
const remote = { DATA_DIR: dataDir, SUPPORT_API_URL: remoteUrl, SUPPORT_API_KEY: "sk_bench_remote_key" };
type Launch = (args: string[]) => [string, string[]];
const viaTsxBin: Launch = (args) => [tsxBin, [main, ...args]];
const viaNodeImport: Launch = (args) => [process.execPath, ["--import", tsxLoader, main, ...args]];
const launchers: [string, Launch][] = [
  ["tsx", viaTsxBin],
  ["node --import tsx", viaNodeImport],
];

async function timeOnce(launch: [string, string[]], env: Record<string, string>) {
  const started = performance.now();
  await exec(launch[0], launch[1], { env: { ...process.env, ...env } });
  return performance.now() - started;
}

// The data dir must exist with migrations applied before `apps list` (which does not migrate).
await timeOnce(viaTsxBin(["init", "--name", "Bench"]), local);

const scenarios: [string, string[], Record<string, string>][] = [
  ["skill --help", ["--help"], local],
  ["skill apps list --json (local)", ["apps", "list", "--json"], local],
  ["skill apps list --json (remote)", ["apps", "list", "--json"], remote],
  ["skill doctor --json (local)", ["doctor", "--json"], local],
];
console.log(`bench/cli: ${runs} runs each after one warm-up; milliseconds, median (min)`);
for (const [launcher, launch] of launchers) {
  for (const [name, args, env] of scenarios) {
    await timeOnce(launch(args), env);
    const times: number[] = [];
    for (let i = 0; i < runs; i++) times.push(await timeOnce(launch(args), env));
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)] ?? 0;
    console.log(
      `${launcher.padEnd(18)} ${name.padEnd(34)} ${median.toFixed(0).padStart(6)} (${(times[0] ?? 0).toFixed(0)})`,
    );
  }
}
server.close();
