// Builds the widget for production: the panel (Preact, ESM, content-hashed name, cached for good)
// and the loader `widget.js` (IIFE, names the panel file). `--if-stale` skips a build newer than
// its sources, which is what `pnpm start` and the test command use.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { build } from "esbuild";

const root = resolve(import.meta.dirname, "..");
const dist = join(root, "dist");
const loaderFile = join(dist, "widget.js");

function newestMtime(path) {
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

const sources = [join(root, "src"), join(root, "package.json"), join(root, "scripts/build.mjs")];
if (process.argv.includes("--if-stale") && existsSync(loaderFile)) {
  if (Math.max(...sources.map(newestMtime)) <= statSync(loaderFile).mtimeMs) process.exit(0);
}

const common = {
  bundle: true,
  minify: true,
  write: false,
  charset: "utf8",
  target: "es2020",
  legalComments: "none",
  logLevel: "warning",
};
const panel = await build({
  ...common,
  entryPoints: [join(root, "src/panel/mount.tsx")],
  format: "esm",
  jsx: "automatic",
  jsxImportSource: "preact",
});
const panelCode = panel.outputFiles[0].contents;
const panelName = `panel.${createHash("sha256").update(panelCode).digest("hex").slice(0, 12)}.js`;
const loader = await build({
  ...common,
  entryPoints: [join(root, "src/loader.ts")],
  format: "iife",
  define: { __PANEL_FILE__: JSON.stringify(panelName) },
});

rmSync(dist, { recursive: true, force: true });
mkdirSync(join(dist, "widget"), { recursive: true });
writeFileSync(join(dist, "widget", panelName), panelCode);
writeFileSync(loaderFile, loader.outputFiles[0].contents);
console.log(`widget built: dist/widget.js, dist/widget/${panelName}`);
