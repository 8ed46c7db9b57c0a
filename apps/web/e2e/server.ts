import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const repo = resolve(import.meta.dirname, "../../..");
const apiDir = join(repo, "apps/api");

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as { port: number };
  await new Promise((r) => server.close(r));
  return port;
}

export interface RunningServer {
  url: string;
  stop: () => Promise<void>;
}

/**
 * The real product as `pnpm start` runs it (dashboard built if stale, then apps/api/src/main.ts)
 * on a fresh DATA_DIR and a free port; `env` adds configuration (e.g. who may frame the Front plugin).
 */
export async function startProduct(env: Record<string, string> = {}): Promise<RunningServer> {
  const build = spawnSync(process.execPath, [join(repo, "scripts/build-web-if-stale.mjs")], { stdio: "inherit" });
  if (build.status !== 0) throw new Error("building the dashboard failed");
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), "support-e2e-"));
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", join(apiDir, "src/main.ts")], {
    cwd: apiDir,
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: "127.0.0.1",
      LOG_LEVEL: "warn",
      // The fake customer and product apps listen on loopback: the operator allows it (ADR 0100).
      ALLOWED_OUTBOUND_NETWORKS: "127.0.0.0/8",
      ...env,
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((r) => child.once("exit", r));
    child.kill("SIGTERM");
    await exited;
  };
  // Up to 90 s: on a loaded 2-core machine the server (tsx compiling its sources) takes over 30 s.
  for (let i = 0; i < 900; i++) {
    try {
      if ((await fetch(`${url}/health`)).ok) return { url, stop };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  await stop();
  throw new Error("the server did not start");
}
