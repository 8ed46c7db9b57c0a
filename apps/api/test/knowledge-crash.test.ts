import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { type AddressInfo, createServer as createNetServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { initProduct } from "@support/core";
import { loadConfig, openProduct } from "@support/product";
import { describe, expect, it } from "vitest";

const apiDir = resolve(import.meta.dirname, "..");
const main = resolve(import.meta.dirname, "../src/main.ts");
const SECTIONS = 12_000;
const SITE_PAGES = 8;
const PAGE_DELAY_MS = 600;

async function freePort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  await new Promise((r) => server.close(r));
  return port;
}

async function startServer(dataDir: string, port: number): Promise<ChildProcess> {
  // One process (node with tsx's loader), so SIGKILL hits the server itself and not a wrapper.
  const child = spawn(process.execPath, ["--import", "tsx", main], {
    cwd: apiDir,
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      ALLOWED_OUTBOUND_NETWORKS: "127.0.0.0/8",
      PORT: String(port),
      LOG_LEVEL: "silent",
      BODY_LIMIT_BYTES: String(16 * 1024 * 1024),
    },
    stdio: "ignore",
  });
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/health`)).ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill("SIGKILL");
  throw new Error("the server did not start");
}

/** A slow help site: a chain of pages, each answered after a delay, so its crawl takes seconds. */
async function slowSite(): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const match = /^\/(?:p(\d+))?$/.exec(req.url ?? "");
    if (!match) return void res.writeHead(404).end();
    const n = Number(match[1] ?? 0);
    const next = n + 1 < SITE_PAGES ? `<a href="/p${n + 1}">Next</a>` : "";
    setTimeout(() => {
      res.writeHead(200, { "content-type": "text/html" });
      res.end(
        `<html><body><main><h1>Page ${n}</h1><p>Warehouse ${n} ships parcels on weekdays.</p>${next}</main></body></html>`,
      );
    }, PAGE_DELAY_MS);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, server };
}

interface Source {
  id: string;
  status: string;
  progress: { done: number; total: number };
}

describe("crash safety of knowledge processing", () => {
  it("after a SIGKILL while a file is embedding and a site crawling, both reach ready once the server is back", {
    timeout: 180_000,
  }, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "support-kb-crash-"));
    const setup = await openProduct(loadConfig({ ALLOWED_OUTBOUND_NETWORKS: "127.0.0.0/8", DATA_DIR: dataDir }));
    const init = await initProduct(setup.platform, { name: "Crash Shop" });
    await setup.close();
    const key = init.apiKey?.token ?? "";
    const site = await slowSite();
    const port = await freePort();
    const api = (path: string, init: RequestInit = {}) =>
      fetch(`http://127.0.0.1:${port}/api/v1/knowledge${path}`, {
        ...init,
        headers: { authorization: `Bearer ${key}`, ...init.headers },
      });
    const source = async (id: string): Promise<Source> => (await api(`/sources/${id}`)).json();

    let server = await startServer(dataDir, port);
    try {
      const manual = Array.from({ length: SECTIONS }, (_, i) => `## Topic ${i}\n\nWidget ${i} fits model ${i}.`);
      const form = new FormData();
      form.set("app", "crash-shop");
      form.set("file", new File([manual.join("\n\n")], "manual.md"));
      const uploaded = await api("/sources", { method: "POST", body: form });
      expect(uploaded.status).toBe(202);
      const file: Source = await uploaded.json();
      const crawl = await api("/sources", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ app: "crash-shop", url: site.url, maxDepth: 10 }),
      });
      expect(crawl.status).toBe(202);
      const siteSource: Source = await crawl.json();

      // Kill the server in the middle of the file's embedding, while the site is being crawled.
      let seen: Source = file;
      for (let i = 0; i < 1500 && !(seen.progress.done > 0 && seen.progress.done < seen.progress.total); i++) {
        seen = await source(file.id);
        if (seen.status === "ready") break;
        await new Promise((r) => setTimeout(r, 10));
      }
      expect(seen).toMatchObject({ status: "processing" });
      expect((await source(siteSource.id)).status).toBe("processing");
      server.kill("SIGKILL");
      await new Promise((r) => server.once("exit", r));

      server = await startServer(dataDir, port);
      const settled = async (id: string) => {
        for (let i = 0; i < 1200; i++) {
          const s = await source(id);
          if (s.status === "ready" || s.status === "error") return s;
          await new Promise((r) => setTimeout(r, 100));
        }
        throw new Error(`${id} never settled after the restart`);
      };
      // The engine takes the runs over once the dead worker's lease has expired.
      expect(await settled(file.id)).toMatchObject({ status: "ready", progress: { done: SECTIONS, total: SECTIONS } });
      expect(await settled(siteSource.id)).toMatchObject({ status: "ready", progress: { total: SITE_PAGES } });
      const all: { data: Source[] } = await (await api("/sources?limit=100")).json();
      expect(all.data.map((s) => s.status)).toEqual(["ready", "ready"]);
      const found = await (await api("/search?app=crash-shop&q=widget%2011999%20model&k=1")).json();
      expect(found.passages[0]?.sourceId).toBe(file.id);
    } finally {
      server.kill("SIGTERM");
      site.server.close();
    }
  });
});
