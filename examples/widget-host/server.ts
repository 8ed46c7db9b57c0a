/**
 * A product's page with the chat widget: the product's server signs who the signed-in user is
 * (`signWidgetIdentity`, with the app's widget secret) and puts it on the script tag. Run it
 * beside the platform (`pnpm start`) after the API set the app's widget up (README here):
 *
 *   SUPPORT_URL=http://127.0.0.1:3000 WIDGET_APP=app_… WIDGET_SECRET=wsk_… pnpm --filter @support/example-widget-host start
 *
 * and allow this page's origin (http://127.0.0.1:4000 by default) in the widget's allowed origins.
 * Without WIDGET_SECRET the visitor is anonymous (the widget asks for an email).
 */
import { createServer } from "node:http";
import { signWidgetIdentity } from "@support/sdk";

const supportUrl = process.env.SUPPORT_URL ?? "http://127.0.0.1:3000";
const app = process.env.WIDGET_APP ?? "";
const secret = process.env.WIDGET_SECRET;
const port = Number(process.env.PORT ?? 4000);

/** The signed-in user of this sample shop; a real product takes it from its own session. */
const user = { userId: "u_1001", email: "ada@example.com", plan: "pro" };

const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

createServer((req, res) => {
  const lang = new URL(req.url ?? "/", "http://host").searchParams.get("lang") ?? "en";
  const identity = secret
    ? signWidgetIdentity({ ...user, exp: Math.floor(Date.now() / 1000) + 3600 }, secret)
    : undefined;
  const attributes = [
    `src="${escapeHtml(`${supportUrl}/widget.js`)}"`,
    `data-app="${escapeHtml(app)}"`,
    `data-locale="${escapeHtml(lang)}"`,
    identity ? `data-identity="${escapeHtml(identity)}"` : "",
  ].join(" ");
  res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
  res.end(`<!doctype html>
<html lang="${escapeHtml(lang)}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Sample shop</title></head>
<body>
<h1>Sample shop</h1>
<p>The chat launcher sits in the bottom right corner. Try <a href="?lang=fr">français</a> or <a href="?lang=mg">malagasy</a>.</p>
<script ${attributes} async></script>
</body>
</html>`);
}).listen(port, "127.0.0.1", () => console.log(`Sample host page on http://127.0.0.1:${port}`));
