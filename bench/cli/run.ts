import { execFile } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs, promisify } from "node:util";

/**
 * bench/cli: how long `skill` takes to start and answer, per command, as a fresh process each
 * time (what a person or a script sees). Three launchers: the `skill` executable (`pnpm skill`:
 * plain node on the prebuilt bundle, ADR 0152), `node --import tsx` on the TypeScript (what the
 * CLI tests spawn) and the `tsx` binary (the launcher before the bundle, a second node process).
 * Wall time depends on the machine's load; the CPU time of the node process (user + system,
 * printed by the process itself at exit) much less, so both are printed.
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
const bin = join(cliDir, "bin/skill.js");
const reportCpu = `data:text/javascript,process.on("exit",()=>{const u=process.cpuUsage();process.stderr.write("cpu-ms "+(u.user+u.system)/1000+"\\n")})`;

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
const viaNodeImport: Launch = (args) => [
  process.execPath,
  ["--import", reportCpu, "--import", tsxLoader, main, ...args],
];
const viaBin: Launch = (args) => [process.execPath, ["--import", reportCpu, bin, ...args]];
const launchers: [string, Launch][] = [
  ["skill (bundle)", viaBin],
  ["node --import tsx", viaNodeImport],
  ["tsx", viaTsxBin],
];

async function timeOnce(launch: [string, string[]], env: Record<string, string>) {
  const started = performance.now();
  const { stderr } = await exec(launch[0], launch[1], { env: { ...process.env, ...env } });
  const cpu = /cpu-ms ([\d.]+)/.exec(stderr)?.[1];
  return { wall: performance.now() - started, cpu: cpu === undefined ? undefined : Number(cpu) };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

// The data dir must exist with migrations applied before `apps list` (which does not migrate);
// this also builds the bundle when it is stale.
await timeOnce(viaBin(["init", "--name", "Bench"]), local);

const scenarios: [string, string[], Record<string, string>][] = [
  ["skill --help", ["--help"], local],
  ["skill apps list --json (local)", ["apps", "list", "--json"], local],
  ["skill apps list --json (remote)", ["apps", "list", "--json"], remote],
  ["skill doctor --json (local)", ["doctor", "--json"], local],
];
console.log(`bench/cli: ${runs} runs each after one warm-up; milliseconds, median (min); load ${loadavg()[0]}`);
console.log(`${"launcher".padEnd(18)} ${"command".padEnd(34)}   wall          cpu`);
for (const [launcher, launch] of launchers) {
  for (const [name, args, env] of scenarios) {
    await timeOnce(launch(args), env);
    const times = [];
    for (let i = 0; i < runs; i++) times.push(await timeOnce(launch(args), env));
    const walls = times.map((t) => t.wall);
    const cpus = times.flatMap((t) => (t.cpu === undefined ? [] : [t.cpu]));
    const cpu = cpus.length ? `${median(cpus).toFixed(0).padStart(6)} (${Math.min(...cpus).toFixed(0)})` : "     -";
    console.log(
      `${launcher.padEnd(18)} ${name.padEnd(34)} ${median(walls).toFixed(0).padStart(6)} (${Math.min(...walls).toFixed(0)})  ${cpu}`,
    );
  }
}
server.close();
