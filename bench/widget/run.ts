/**
 * The widget's budgets, from the production build: the loader and the panel gzipped (budgets
 * 3 KB and 40 KB), and how soon the launcher is on screen after `widget.js` has loaded (budget
 * 100 ms), measured in Debian's Chromium (never a downloaded browser) over 15 page loads.
 * Figures are printed, not asserted: they depend on the machine and its load.
 */
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { chromium } from "playwright-core";

const widget = resolve(import.meta.dirname, "../../packages/widget");
const dist = join(widget, "dist");
const built = spawnSync(process.execPath, [join(widget, "scripts/build.mjs")], { stdio: "inherit" });
if (built.status !== 0) process.exit(built.status ?? 1);

const loader = readFileSync(join(dist, "widget.js"));
const panelName = readdirSync(join(dist, "widget")).find((f) => f.startsWith("panel."));
const panel = readFileSync(join(dist, "widget", panelName ?? ""));
const kb = (n: number) => `${(n / 1024).toFixed(2)} KB`;
console.log(`loader widget.js    ${kb(loader.length)} raw, ${kb(gzipSync(loader).length)} gzip (budget 3 KB gzip)`);
console.log(`panel ${panelName} ${kb(panel.length)} raw, ${kb(gzipSync(panel).length)} gzip (budget 40 KB gzip)`);

/**
 * Notes when the launcher is painted: the first animation frame that starts after the loader's
 * mark renders it, and the frame after that one begins once it is on screen.
 */
const FRAME_PROBE =
  "(function t(){requestAnimationFrame(function(){if(performance.getEntriesByName('support-chat:launcher').length)" +
  "requestAnimationFrame(function(){window.__painted=performance.now()});else t()})})()";

const server = createServer((req, res) => {
  if (req.url === "/widget.js") {
    res.writeHead(200, { "content-type": "text/javascript" });
    res.end(loader);
    return;
  }
  res.writeHead(200, { "content-type": "text/html" });
  res.end(
    `<!doctype html><html><body><h1>Host</h1><script>${FRAME_PROBE}</script>` +
      '<script src="/widget.js" data-app="app_bench" async></script></body></html>',
  );
});
await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
const browser = await chromium.launch({
  executablePath: process.env.E2E_BROWSER ?? "/usr/bin/chromium",
  args: ["--no-sandbox"],
});
const samples: { mounted: number; painted: number }[] = [];
for (let i = 0; i < 15; i++) {
  const page = await browser.newPage();
  await page.goto(url);
  await page.locator("support-chat button").waitFor();
  // From the end of the script's download to the launcher in the DOM, and to the frame that shows it.
  samples.push(
    await page.evaluate(async () => {
      const script = performance.getEntriesByType("resource").find((e) => e.name.endsWith("/widget.js"));
      const mark = performance.getEntriesByName("support-chat:launcher")[0];
      const loaded = (script as PerformanceResourceTiming).responseEnd;
      const mounted = (mark?.startTime ?? Number.NaN) - loaded;
      const w = window as unknown as { __painted?: number };
      while (w.__painted === undefined) await new Promise((r) => setTimeout(r, 5));
      return { mounted, painted: w.__painted - loaded };
    }),
  );
  await page.close();
}
await browser.close();
server.close();
const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
const max = (values: number[]) => Math.max(...values);
const mounted = samples.map((s) => s.mounted);
const painted = samples.map((s) => s.painted);
console.log(
  `launcher mounted ${median(mounted).toFixed(1)} ms after widget.js loaded (median, max ${max(mounted).toFixed(1)}); ` +
    `first frame with it painted ${median(painted).toFixed(1)} ms (median, max ${max(painted).toFixed(1)}; budget 100 ms)`,
);
