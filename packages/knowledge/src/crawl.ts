import robotsModule from "robots-parser";
import { type KnowledgeDocument, UnsupportedContentError } from "./documents.js";
import { htmlToMarkdown } from "./html.js";

/** robots-parser is CommonJS whose types declare an ES default export: the module itself is the function. */
const robotsParser = robotsModule as unknown as typeof robotsModule.default;

export interface CrawlOptions {
  maxPages: number;
  maxDepth: number;
  /** Pages fetched at the same time. */
  concurrency: number;
  timeoutMs: number;
  userAgent: string;
  fetch: typeof fetch;
}

export const DEFAULT_CRAWL: CrawlOptions = {
  maxPages: 50,
  maxDepth: 3,
  concurrency: 4,
  timeoutMs: 15_000,
  userAgent: "SupportPlatformBot/1.0",
  fetch: (input, init) => fetch(input, init),
};

export interface CrawlResult {
  pages: KnowledgeDocument[];
  /** Pages that were skipped, each with its reason (the start page's failure is thrown instead). */
  skipped: { url: string; reason: string }[];
}

const SKIP_EXTENSIONS = /\.(png|jpe?g|gif|svg|webp|ico|css|js|mjs|json|xml|zip|gz|pdf|mp4|mp3|woff2?|ttf)$/i;

function normalize(url: URL): string {
  const copy = new URL(url);
  copy.hash = "";
  return copy.toString();
}

async function fetchText(url: string, o: CrawlOptions): Promise<{ status: number; type: string; body: string }> {
  const response = await o.fetch(url, {
    headers: { "user-agent": o.userAgent, accept: "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1" },
    signal: AbortSignal.timeout(o.timeoutMs),
    redirect: "follow",
  });
  return { status: response.status, type: response.headers.get("content-type") ?? "", body: await response.text() };
}

async function robotsFor(origin: string, o: CrawlOptions) {
  const url = `${origin}/robots.txt`;
  try {
    const res = await fetchText(url, o);
    return robotsParser(url, res.status >= 200 && res.status < 300 ? res.body : "");
  } catch {
    return robotsParser(url, "");
  }
}

/** `<loc>` entries of a sitemap; a sitemap index is followed one level down. */
async function sitemapUrls(sitemaps: string[], o: CrawlOptions, nested = true): Promise<string[]> {
  const out: string[] = [];
  for (const sitemap of sitemaps) {
    let body: string;
    try {
      const res = await fetchText(sitemap, o);
      if (res.status < 200 || res.status >= 300) continue;
      body = res.body;
    } catch {
      continue;
    }
    const locs = [...body.matchAll(/<loc>\s*([^<\s]+)\s*<\/loc>/gi)].map((m) =>
      (m[1] as string).replace(/&amp;/g, "&"),
    );
    if (/<sitemapindex/i.test(body)) {
      if (nested) out.push(...(await sitemapUrls(locs, o, false)));
    } else out.push(...locs);
  }
  return out;
}

async function mapLimited<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/**
 * Breadth-first crawl of one origin: robots.txt is obeyed, sitemap.xml (or the sitemaps robots.txt
 * names) seeds the first level, links are followed to `maxDepth`, at most `maxPages` pages are
 * fetched, `concurrency` at a time. Only HTML pages become documents (main content, as Markdown).
 */
export async function crawlSite(startUrl: string, options: Partial<CrawlOptions> = {}): Promise<CrawlResult> {
  const o = { ...DEFAULT_CRAWL, ...options };
  let start: URL;
  try {
    start = new URL(startUrl);
  } catch {
    throw new UnsupportedContentError(`"${startUrl}" is not a URL`);
  }
  if (start.protocol !== "http:" && start.protocol !== "https:") {
    throw new UnsupportedContentError(`${startUrl}: only http and https URLs can be crawled`);
  }
  const robots = await robotsFor(start.origin, o);
  const allowed = (url: string) => robots.isAllowed(url, o.userAgent) !== false;
  if (!allowed(start.toString())) throw new UnsupportedContentError(`${startUrl} is disallowed by robots.txt`);

  const seen = new Set<string>([normalize(start)]);
  const pages: KnowledgeDocument[] = [];
  const skipped: CrawlResult["skipped"] = [];
  const admit = (raw: string, level: string[]) => {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      return;
    }
    const key = normalize(url);
    if (url.origin !== start.origin || seen.has(key) || SKIP_EXTENSIONS.test(url.pathname)) return;
    seen.add(key);
    if (allowed(key)) level.push(key);
    else skipped.push({ url: key, reason: "disallowed by robots.txt" });
  };

  const sitemaps = robots.getSitemaps().length > 0 ? robots.getSitemaps() : [`${start.origin}/sitemap.xml`];
  let level = [normalize(start)];
  const fromSitemap: string[] = [];
  for (const url of await sitemapUrls(sitemaps, o)) admit(url, fromSitemap);
  let fetched = 0;
  for (let depth = 0; depth <= o.maxDepth && level.length > 0 && fetched < o.maxPages; depth++) {
    const batch = level.slice(0, o.maxPages - fetched);
    fetched += batch.length;
    const nextLevel: string[] = depth === 0 ? fromSitemap : [];
    const results = await mapLimited(batch, o.concurrency, async (url) => {
      try {
        const res = await fetchText(url, o);
        if (res.status < 200 || res.status >= 300) return { url, reason: `HTTP ${res.status}` };
        if (!/html/i.test(res.type))
          return { url, reason: `not an HTML page (${res.type.split(";")[0] || "no content type"})` };
        return { url, page: htmlToMarkdown(res.body, url) };
      } catch (error) {
        return { url, reason: `unreachable (${(error as Error).message})` };
      }
    });
    for (const result of results) {
      if ("reason" in result) {
        if (result.url === normalize(start)) throw new UnsupportedContentError(`${startUrl}: ${result.reason}`);
        skipped.push({ url: result.url, reason: result.reason as string });
        continue;
      }
      const { page } = result;
      if (page.markdown)
        pages.push({ format: "markdown", title: page.title || result.url, url: result.url, markdown: page.markdown });
      else skipped.push({ url: result.url, reason: "no text" });
      if (depth < o.maxDepth) for (const link of page.links) admit(link, nextLevel);
    }
    level = nextLevel;
  }
  if (pages.length === 0) throw new UnsupportedContentError(`${startUrl}: no page with text was found`);
  return { pages, skipped };
}
