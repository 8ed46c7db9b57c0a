import { AppError, findFormApp, receiveWebForm } from "@support/core";
import { type Context, Hono } from "hono";
import { callerAddress } from "../client.js";
import type { ApiEnv } from "../context.js";
import { contactPage, thankYouPage } from "./public-form-page.js";

async function readFields(c: Context<ApiEnv>): Promise<Record<string, unknown>> {
  const type = c.req.header("content-type") ?? "";
  if (type.startsWith("application/json")) {
    const body: unknown = await c.req.json().catch(() => {
      throw new AppError("invalid_input", "The body is not valid JSON.");
    });
    if (typeof body !== "object" || body === null || Array.isArray(body)) {
      throw new AppError("invalid_input", "The body must be a JSON object.");
    }
    return body as Record<string, unknown>;
  }
  if (type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data")) {
    // A body that does not match its declared type (no boundary, torn parts) is the sender's error.
    const form = await c.req.parseBody().catch(() => {
      throw new AppError("invalid_input", "The form body could not be read as its content type says.");
    });
    return Object.fromEntries(Object.entries(form).filter(([, v]) => typeof v === "string"));
  }
  throw new AppError("invalid_input", "Send the form as JSON or application/x-www-form-urlencoded.");
}

/** The public contact form: how a customer writes in when the company has no help desk. */
export function publicFormRoutes() {
  const router = new Hono<ApiEnv>();

  router.get("/support/:app", async (c) => {
    const app = await findFormApp(c.var.runtime.platform, c.req.param("app"));
    c.header("content-security-policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'");
    const source = c.req.query("source")?.trim().slice(0, 64);
    return c.html(contactPage(app, source || undefined));
  });

  router.post("/public/:app/messages", async (c) => {
    const fields = await readFields(c);
    const wantsHtml = (c.req.header("accept") ?? "").includes("text/html");
    await receiveWebForm(c.var.runtime.platform, { appId: c.req.param("app"), ip: callerAddress(c), fields });
    if (wantsHtml) return c.html(thankYouPage(), 201);
    return c.json({ ok: true, message: "Thanks, we received your message and will reply by email." }, 201);
  });
  return router;
}
