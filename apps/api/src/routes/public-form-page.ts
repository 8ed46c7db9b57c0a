import { html } from "hono/html";

const style = `
  body{font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;color:#1a1a1a;line-height:1.5}
  label{display:block;margin-top:1rem;font-weight:600}
  input,textarea{width:100%;padding:.6rem;border:1px solid #767676;border-radius:6px;font:inherit;box-sizing:border-box}
  textarea{min-height:10rem}
  button{margin-top:1.5rem;padding:.7rem 1.4rem;border:0;border-radius:6px;background:#1d4ed8;color:#fff;font:inherit;cursor:pointer}
  button:focus,input:focus,textarea:focus{outline:3px solid #93c5fd;outline-offset:1px}
  .hp{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}`;

/** A page that works without JavaScript; Hono's `html` escapes every interpolated value. */
/** `source`: what the link to the page declared the request to be (`?source=`), sent with the message. */
export function contactPage(app: { id: string; name: string }, source?: string) {
  return html`<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Contact ${app.name} support</title>
    <style>${style}</style>
  </head>
  <body>
    <main>
      <h1>Contact ${app.name} support</h1>
      <p>Tell us what you need; we reply by email.</p>
      <form method="post" action="/public/${app.id}/messages">
        <label for="name">Name</label>
        <input id="name" name="name" autocomplete="name" maxlength="200" />
        <label for="email">Email</label>
        <input id="email" name="email" type="email" autocomplete="email" required />
        <label for="subject">Subject</label>
        <input id="subject" name="subject" maxlength="300" />
        <label for="message">Message</label>
        <textarea id="message" name="message" required maxlength="20000"></textarea>
        ${source ? html`<input type="hidden" name="source" value="${source}" />` : ""}
        <div class="hp" aria-hidden="true">
          <label for="website">Leave this field empty</label>
          <input id="website" name="website" tabindex="-1" autocomplete="off" />
        </div>
        <button type="submit">Send message</button>
      </form>
    </main>
  </body>
</html>`;
}

export function thankYouPage() {
  return html`<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><title>Message sent</title><style>${style}</style></head>
  <body><main><h1>Thank you</h1><p>We received your message and will reply by email.</p></main></body>
</html>`;
}
