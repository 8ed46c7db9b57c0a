// Builds the `skill` CLI into one JavaScript bundle that plain node runs (ADR 0152): no TypeScript
// transpiled per run, and a few large files instead of ~1000 modules resolved one by one. esbuild
// bundles the workspace and its libraries; each lazily imported command stays its own file
// (`splitting`), so a command still loads only what it imports. Kept as they are on disk and
// imported by absolute path: native drivers, and libraries that find files next to themselves.
//
// `node scripts/build.mjs` builds; `currentBuild()` (what bin/skill.js calls) builds only when a
// workspace source the bundle was made from, or the lockfile, is newer than the bundle.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join, relative, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const root = resolve(import.meta.dirname, "..");
const repo = resolve(root, "../..");
const dist = join(root, "dist");
const manifestFile = join(dist, "current.json");

/** Loaded from where they are installed: native bindings, worker files, files read from their own folder. */
const ON_DISK = ["libsql", "@libsql/", "mysql2", "@planetscale/database", "pino", "thread-stream", "unpdf", "esbuild"];
const onDisk = (specifier) =>
  ON_DISK.some((name) => specifier === name || specifier.startsWith(name.endsWith("/") ? name : `${name}/`));

const keepLocations = {
  name: "keep-locations",
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, async (args) => {
      if (args.pluginData === "resolving" || !onDisk(args.path)) return undefined;
      const resolved = await build.resolve(args.path, {
        kind: args.kind,
        resolveDir: args.resolveDir,
        importer: args.importer,
        pluginData: "resolving",
      });
      if (resolved.errors.length > 0 || resolved.external) return undefined;
      return { path: pathToFileURL(resolved.path).href, external: true };
    });
    // A bundled module keeps its own `import.meta.url`: the database finds its migrations next to it.
    build.onLoad({ filter: /\.(ts|js|mjs)$/ }, async (args) => {
      const source = await readFile(args.path, "utf8");
      if (!source.includes("import.meta.url")) return undefined;
      return {
        contents: source.replaceAll("import.meta.url", JSON.stringify(pathToFileURL(args.path).href)),
        loader: args.path.endsWith(".ts") ? "ts" : "js",
        resolveDir: resolve(args.path, ".."),
      };
    });
  },
};

function readManifest() {
  if (!existsSync(manifestFile)) return undefined;
  const manifest = JSON.parse(readFileSync(manifestFile, "utf8"));
  return existsSync(join(dist, manifest.build, "main.js")) ? manifest : undefined;
}

function isStale(manifest) {
  return manifest.inputs.some((file) => {
    const path = join(repo, file);
    return !existsSync(path) || statSync(path).mtimeMs > manifest.builtAt;
  });
}

/** Builds into a new folder and then points `current.json` at it, so a running `skill` never loses its files. */
export async function buildCli() {
  const { build } = await import("esbuild");
  const builtAt = Date.now();
  const name = `build-${builtAt}-${process.pid}`;
  const result = await build({
    entryPoints: [join(root, "src/main.ts")],
    outdir: join(dist, name),
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    metafile: true,
    logLevel: "warning",
    plugins: [keepLocations],
    // Bundled CommonJS libraries call `require` for node's own modules.
    banner: {
      js: 'import { createRequire as __skillRequire } from "node:module"; const require = __skillRequire(import.meta.url);',
    },
  });
  const inputs = Object.keys(result.metafile.inputs)
    .map((input) => relative(repo, resolve(root, input)))
    .filter((file) => !file.includes("node_modules/"));
  const manifests = readdirSync(join(repo, "packages")).map((name) => `packages/${name}/package.json`);
  inputs.push(
    "pnpm-lock.yaml",
    "packages/cli/scripts/build.mjs",
    ...manifests.filter((file) => existsSync(join(repo, file))),
  );
  const temporary = join(dist, `current.${process.pid}.json`);
  writeFileSync(temporary, JSON.stringify({ build: name, builtAt, inputs }));
  renameSync(temporary, manifestFile);
  // Builds over ten minutes old go: a command started a moment ago may still load from the one just
  // replaced, and a concurrent `skill` may still be writing its own.
  for (const old of readdirSync(dist).filter((entry) => entry.startsWith("build-") && entry !== name)) {
    if (Number(old.split("-")[1]) < builtAt - 600_000) rmSync(join(dist, old), { recursive: true, force: true });
  }
  return join(dist, name, "main.js");
}

/** The bundle's entry file, built first when missing or older than its sources. */
export async function currentBuild() {
  mkdirSync(dist, { recursive: true });
  const manifest = readManifest();
  if (manifest && !isStale(manifest)) return join(dist, manifest.build, "main.js");
  return buildCli();
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  console.log(`skill built: ${relative(root, await buildCli())}`);
}
