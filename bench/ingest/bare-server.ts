import { serve } from "@hono/node-server";
import { Hono } from "hono";

/** The baseline: the same HTTP stack answering 200 without verifying or storing anything. */
const app = new Hono();
app.post("*", (c) => c.json({ ok: true }));
app.get("/health", (c) => c.json({ status: "ok" }));
serve({ fetch: app.fetch, port: Number(process.argv[2]), hostname: "127.0.0.1" });
