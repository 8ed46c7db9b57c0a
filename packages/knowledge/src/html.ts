import { Readability } from "@mozilla/readability";
import { Tokenizer } from "htmlparser2";
import { parseHTML } from "linkedom";
import TurndownService from "turndown";

const turndown = new TurndownService({ headingStyle: "atx", codeBlockStyle: "fenced", bulletListMarker: "-" });
turndown.remove(["script", "style", "noscript", "iframe", "form"]);

const BOILERPLATE = "nav, header, footer, aside, script, style, noscript, form, [role=navigation], [aria-hidden=true]";

/** Converts HTML that is all content (a DOCX body, a macro) without looking for boilerplate. */
export function htmlFragmentToMarkdown(html: string): string {
  refuseOversizedHtml(html);
  return turndown.turndown(html).trim();
}

/**
 * Bounds on HTML given to Readability and Turndown (ADR 0102): both recurse (a deeper page
 * overflows the stack) and both cost far more per element than a tokenizer, so a page over the
 * element bound is refused, and Readability (the slower) only sees pages under its size bound.
 */
export const MAX_HTML_DEPTH = 1000;
export const MAX_HTML_ELEMENTS = 5000;
export const MAX_READABILITY_CHARS = 64 * 1024;

/** A page too deep or too large to convert: refused with a message rather than a stall. */
export class HtmlTooLargeError extends Error {
  readonly code = "html_too_large";
}

// Void elements never nest; these close themselves when a sibling opens (`<p>a<p>b`).
const NOT_NESTING = new Set(
  "area base br col embed hr img input link meta source track wbr p li td th tr option dt dd".split(" "),
);
const ignore = () => {};

/** Elements, and an upper bound on their nesting, in one pass of htmlparser2's tokenizer (no tree). */
function measure(html: string): { depth: number; elements: number } {
  let depth = 0;
  let max = 0;
  let elements = 0;
  let name = "";
  const tokenizer = new Tokenizer(
    { decodeEntities: false },
    {
      onopentagname(start, end) {
        name = html.slice(start, end).toLowerCase();
      },
      onopentagend() {
        elements++;
        if (!NOT_NESTING.has(name)) max = Math.max(max, ++depth);
      },
      onclosetag(start, end) {
        if (!NOT_NESTING.has(html.slice(start, end).toLowerCase())) depth = Math.max(0, depth - 1);
      },
      onattribdata: ignore,
      onattribentity: ignore,
      onattribend: ignore,
      onattribname: ignore,
      oncdata: ignore,
      oncomment: ignore,
      ondeclaration: ignore,
      onend: ignore,
      onprocessinginstruction: ignore,
      onselfclosingtag: ignore,
      ontext: ignore,
      ontextentity: ignore,
    },
  );
  tokenizer.write(html);
  tokenizer.end();
  return { depth: max, elements };
}

function refuseOversizedHtml(html: string): void {
  const { depth, elements } = measure(html);
  if (depth > MAX_HTML_DEPTH) {
    throw new HtmlTooLargeError(`the HTML nests elements deeper than ${MAX_HTML_DEPTH} levels`);
  }
  if (elements > MAX_HTML_ELEMENTS) {
    throw new HtmlTooLargeError(`the HTML has more than ${MAX_HTML_ELEMENTS} elements`);
  }
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
  refuseOversizedHtml(html);
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
  const article =
    whole.length <= MAX_READABILITY_CHARS
      ? new Readability(parseHTML(whole).document as unknown as Document, { charThreshold: 200 }).parse()
      : null;
  let contentHtml = article?.content ?? "";
  if (!contentHtml || (article?.textContent ?? "").trim().length < 200) {
    const body = document.querySelector("main") ?? document.querySelector("body") ?? document.documentElement;
    for (const node of body.querySelectorAll(BOILERPLATE)) node.remove();
    contentHtml = body.innerHTML;
  }
  const markdown = turndown.turndown(contentHtml).trim();
  return { title: article?.title?.trim() || h1 || pageTitle, markdown, links };
}
