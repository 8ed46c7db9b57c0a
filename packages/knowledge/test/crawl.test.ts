import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { crawlSite } from "../src/index.js";

const page = (title: string, body: string, links: string[] = []) =>
  `<!doctype html><html><head><title>${title}</title></head><body><nav>${links
    .map((l) => `<a href="${l}">${l}</a>`)
    .join(" ")}</nav><main><h1>${title}</h1><p>${body}</p></main></body></html>`;

let server: Server;
let base: string;
let inFlight = 0;
let maxInFlight = 0;
const requested: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = req.url ?? "/";
    requested.push(path);
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    setTimeout(() => {
      inFlight--;
      const html = (body: string) => res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(body);
      switch (path) {
        case "/robots.txt":
          return res
            .writeHead(200, { "content-type": "text/plain" })
            .end(`User-agent: *\nDisallow: /private\nSitemap: ${base}/sitemap.xml\n`);
        case "/sitemap.xml":
          return res
            .writeHead(200, { "content-type": "application/xml" })
            .end(
              `<urlset><url><loc>${base}/from-sitemap</loc></url><url><loc>https://elsewhere.example/x</loc></url></urlset>`,
            );
        case "/":
          return html(
            page("Home", "Welcome to the help centre.", [
              "/a",
              "/private/secret",
              "/data",
              "/missing",
              "/logo.png",
              "https://elsewhere.example/",
            ]),
          );
        case "/a":
          return html(page("Page A", "Resetting a password takes a minute.", ["/b", "/"]));
        case "/b":
          return html(page("Page B", "Invoices are monthly.", ["/c"]));
        case "/c":
          return html(page("Page C", "Too deep to be crawled at depth two."));
        case "/from-sitemap":
          return html(page("Hidden", "Only the sitemap links here."));
        case "/data":
          return res.writeHead(200, { "content-type": "application/json" }).end("{}");
        default:
          return res.writeHead(404).end("not found");
      }
    }, 15);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("crawlSite against a local site", () => {
  it("follows same-origin links and the sitemap to the depth limit, obeys robots.txt, reports skipped pages", async () => {
    requested.length = 0;
    maxInFlight = 0;
    const result = await crawlSite(`${base}/`, { maxDepth: 2, maxPages: 20, concurrency: 2 });
    expect(result.pages.map((p) => p.title).sort()).toEqual(["Hidden", "Home", "Page A", "Page B"]);
    expect(result.pages.find((p) => p.title === "Page A")).toMatchObject({ url: `${base}/a` });
    expect(result.skipped).toEqual(
      expect.arrayContaining([
        { url: `${base}/private/secret`, reason: "disallowed by robots.txt" },
        { url: `${base}/data`, reason: "not an HTML page (application/json)" },
        { url: `${base}/missing`, reason: "HTTP 404" },
      ]),
    );
    expect(requested).not.toContain("/private/secret");
    expect(requested).not.toContain("/c");
    expect(requested).not.toContain("/logo.png");
    expect(maxInFlight).toBeLessThanOrEqual(2);
  });

  it("stops at the page limit", async () => {
    const result = await crawlSite(`${base}/`, { maxPages: 2, concurrency: 4 });
    expect(result.pages.length + result.skipped.filter((s) => !s.reason.includes("robots")).length).toBe(2);
  });

  it("fails the source with a reason when the start page is unreachable or not HTML", async () => {
    await expect(crawlSite(`${base}/data`)).rejects.toThrow(/not an HTML page/);
    await expect(crawlSite("http://127.0.0.1:1/", { timeoutMs: 2000 })).rejects.toThrow(/unreachable/);
    await expect(crawlSite("ftp://example.com/")).rejects.toThrow(/only http and https/);
  });
});
