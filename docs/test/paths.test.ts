import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The documentation names files and folders of the repository; when code moves, the text must
 * follow. Every repository path written in backticks (`packages/core/src/...`) or linked
 * relatively ([ADR](adr/0001-...md)) in the README and under docs/ must exist.
 */
const root = resolve(import.meta.dirname, "../..");
const TOP_LEVEL = ["apps/", "packages/", "bench/", "examples/", "docs/", "scripts/", ".ci/", ".github/"];
/** Build outputs the documentation may name: they exist once built, never in a clean clone. */
const GENERATED = /(^|\/)(dist|test-artifacts)\/?$/;

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "node_modules" ? [] : markdownFiles(path);
    return entry.name.endsWith(".md") ? [path] : [];
  });
}

/** A path as written, without a trailing slash, a line number or an anchor. */
function clean(path: string): string {
  return path.replace(/[#:].*$/, "").replace(/\/$/, "");
}

function namedPaths(file: string): { path: string; resolved: string }[] {
  const text = readFileSync(file, "utf8");
  const found: { path: string; resolved: string }[] = [];
  for (const [, token = ""] of text.matchAll(/`([^`\s]+)`/g)) {
    if (TOP_LEVEL.some((prefix) => token.startsWith(prefix)) && !/[*<>{}$]/.test(token) && !GENERATED.test(token)) {
      found.push({ path: token, resolved: join(root, clean(token)) });
    }
  }
  for (const [, target = ""] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
    if (/^[a-z]+:/i.test(target) || target.startsWith("#")) continue;
    found.push({ path: target, resolved: resolve(dirname(file), clean(target)) });
  }
  return found;
}

const documents = [join(root, "README.md"), ...markdownFiles(join(root, "docs"))];

describe("paths named in the documentation", () => {
  it.each(documents.map((file) => [relative(root, file), file]))("%s names only paths that exist", (_name, file) => {
    const missing = namedPaths(file)
      .filter(({ resolved }) => !existsSync(resolved))
      .map(({ path }) => path);
    expect(missing).toEqual([]);
  });
});
