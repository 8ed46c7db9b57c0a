// `pnpm start` serves the dashboard from apps/web/dist and the Front sidebar plugin from
// apps/front-plugin/dist: build each first when it is missing or older than its sources, and
// skip the build (seconds) when it is current.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";

function newestMtime(path) {
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

for (const [name, folder] of [
  ["the dashboard", "apps/web"],
  ["the Front plugin", "apps/front-plugin"],
]) {
  const app = resolve(import.meta.dirname, "..", folder);
  const built = join(app, "dist/index.html");
  const sources = ["src", "index.html", "vite.config.ts", "package.json"].map((p) => join(app, p)).filter(existsSync);
  const stale = !existsSync(built) || Math.max(...sources.map(newestMtime)) > statSync(built).mtimeMs;
  if (!stale) continue;
  console.log(`Building ${name} (${folder}) …`);
  const vite = join(app, "node_modules/vite/bin/vite.js");
  const result = spawnSync(process.execPath, [vite, "build", "--logLevel", "warn"], { cwd: app, stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
