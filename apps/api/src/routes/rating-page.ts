import { RATING_TEXTS, type RatingPage, ratingChoices, ratingLabel } from "@support/core";
import { html } from "hono/html";

const style = `
  body{font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;color:#1a1a1a;line-height:1.5}
  ul{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.5rem}
  a.choice{display:inline-block;padding:.6rem 1rem;border:1px solid #1d4ed8;border-radius:6px;color:#1d4ed8;text-decoration:none}
  a.choice[aria-current="true"]{background:#1d4ed8;color:#fff}
  a.choice:focus{outline:3px solid #93c5fd;outline-offset:1px}`;

function layout(language: string, title: string, body: unknown) {
  return html`<!doctype html>
<html lang="${language}">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="robots" content="noindex" />
    <title>${title}</title>
    <style>${style}</style>
  </head>
  <body><main>${body}</main></body>
</html>`;
}

/**
 * The public rating page, in the reply's language (en, fr, mg), working without JavaScript:
 * every choice is a plain link, so changing one's mind is another click. Hono's `html` escapes
 * every interpolated value.
 */
export function ratingPage(page: RatingPage) {
  const t = RATING_TEXTS[page.language];
  if (page.kind === "refused") {
    const title = page.reason === "expired" ? t.expiredTitle : page.reason === "gone" ? t.goneTitle : t.tamperedTitle;
    const body = page.reason === "expired" ? t.expiredBody : page.reason === "tampered" ? t.tamperedBody : "";
    return layout(page.language, title, html`<h1>${title}</h1><p>${body}</p>`);
  }
  const choices = html`<ul aria-label="${t.choose}">
    ${ratingChoices(page.language, page.scale).map(
      (c) =>
        html`<li><a class="choice" href="/rate/${page.token}?score=${c.score}" aria-current="${c.score === page.score}">${c.label}</a></li>`,
    )}
  </ul>`;
  if (page.kind === "choose") {
    const current = page.score === null ? "" : t.yours(ratingLabel(page.language, page.scale, page.score));
    return layout(page.language, t.choose, html`<h1>${t.choose}</h1><p>${current}</p>${choices}`);
  }
  return layout(
    page.language,
    t.thanks,
    html`<h1>${t.thanks}</h1><p>${t.yours(ratingLabel(page.language, page.scale, page.score))}</p><p>${t.change}</p>${choices}`,
  );
}
