import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import TurndownService from "turndown";

const turndown = new TurndownService({ headingStyle: "atx", codeBlockStyle: "fenced", bulletListMarker: "-" });
turndown.remove(["script", "style", "noscript", "iframe", "form"]);

const BOILERPLATE = "nav, header, footer, aside, script, style, noscript, form, [role=navigation], [aria-hidden=true]";

/** Converts HTML that is all content (a DOCX body, a macro) without looking for boilerplate. */
export function htmlFragmentToMarkdown(html: string): string {
  return turndown.turndown(html).trim();
}

export interface HtmlPage {
  title: string;
  markdown: string;
  /** Absolute links found anywhere in the page (the crawler follows them). */
  links: string[];
}

/**
 * Main content only: Mozilla's Readability (Firefox Reader View) picks the article; when it
 * finds none (short pages, FAQ lists) the body without navigation, header, footer and asides is
 * used. Turndown converts what remains to Markdown so chunking sees the headings.
 */
export function htmlToMarkdown(html: string, baseUrl?: string): HtmlPage {
  // linkedom needs a whole document to give a body.
  const whole = /<html[\s>]/i.test(html) ? html : `<!doctype html><html><body>${html}</body></html>`;
  const { document } = parseHTML(whole);
  const links: string[] = [];
  for (const a of document.querySelectorAll("a[href]")) {
    try {
      links.push(new URL(a.getAttribute("href") ?? "", baseUrl).toString());
    } catch {
      // Not a URL (javascript:, malformed): nothing to follow.
    }
  }
  const pageTitle = document.querySelector("title")?.textContent?.trim() ?? "";
  const h1 = document.querySelector("h1")?.textContent?.trim() ?? "";
  const article = new Readability(parseHTML(whole).document as unknown as Document, { charThreshold: 200 }).parse();
  let contentHtml = article?.content ?? "";
  if (!contentHtml || (article?.textContent ?? "").trim().length < 200) {
    const body = document.querySelector("main") ?? document.querySelector("body") ?? document.documentElement;
    for (const node of body.querySelectorAll(BOILERPLATE)) node.remove();
    contentHtml = body.innerHTML;
  }
  const markdown = turndown.turndown(contentHtml).trim();
  return { title: article?.title?.trim() || h1 || pageTitle, markdown, links };
}
