import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";

/** The production build the test command made (`scripts/build.mjs --if-stale`), as the API serves it. */
const dist = resolve(import.meta.dirname, "../dist");

describe("the widget's production build", () => {
  const loader = readFileSync(join(dist, "widget.js"));
  const panels = readdirSync(join(dist, "widget"));

  it("keeps the loader within 3 KB and the panel within 40 KB gzipped", () => {
    expect(panels).toHaveLength(1);
    const panel = readFileSync(join(dist, "widget", panels[0] as string));
    expect(gzipSync(loader).length).toBeLessThanOrEqual(3 * 1024);
    expect(gzipSync(panel).length).toBeLessThanOrEqual(40 * 1024);
  });

  it("makes the loader name the panel it built, by its content hash", () => {
    expect(panels[0]).toMatch(/^panel\.[0-9a-f]{12}\.js$/);
    expect(loader.toString("utf8")).toContain(`widget/${panels[0]}`);
  });

  it("ships the three languages' strings in the panel", () => {
    const panel = readFileSync(join(dist, "widget", panels[0] as string), "utf8");
    for (const text of ["Talk to a person", "Parler à une personne", "Hiresaka amin'olona"])
      expect(panel).toContain(text);
  });
});
