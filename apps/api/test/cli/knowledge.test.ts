import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serve } from "@hono/node-server";
import { skillIn } from "@support/cli/testing";
import { initProduct } from "@support/core";
import { loadConfig, openProduct, type Product } from "@support/product";
import { apiKeyFor } from "@support/product/testing";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApi } from "../../src/app.js";

/** `skill kb` and `skill eval` with SUPPORT_API_URL: the server stores and processes, the CLI only speaks HTTP. */
let runtime: Product;
let server: ReturnType<typeof serve>;
let env: Record<string, string>;
let agentEnv: Record<string, string>;
const root = mkdtempSync(join(tmpdir(), "support-cli-kb-"));
const docs = join(root, "docs");

beforeAll(async () => {
  runtime = await openProduct(
    loadConfig({
      ALLOWED_OUTBOUND_NETWORKS: "127.0.0.0/8",
      DATA_DIR: mkdtempSync(join(tmpdir(), "support-cli-kb-srv-")),
    }),
  );
  const init = await initProduct(runtime.platform, { name: "Remote Shop" });
  await runtime.start();
  server = serve({ fetch: createApi(runtime, pino({ level: "silent" })).fetch, port: 0, hostname: "127.0.0.1" });
  await new Promise((resolve) => server.once("listening", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // An empty local data dir proves the answers come from the server.
  env = { DATA_DIR: mkdtempSync(join(tmpdir(), "support-cli-empty-")), SUPPORT_API_URL: url };
  agentEnv = { ...env, SUPPORT_API_KEY: await apiKeyFor(runtime, init.organization.id, "agent") };
  env.SUPPORT_API_KEY = init.apiKey?.token ?? "";
  mkdirSync(join(docs, "faq"), { recursive: true });
  writeFileSync(join(docs, "returns.md"), "# Returns\n\nReturn unworn shoes within 60 days for a full refund.\n");
  writeFileSync(join(docs, "faq", "shipping.csv"), 'question,answer\nDo you ship to Canada?,"Yes, within 5 days."\n');
  writeFileSync(join(docs, "faq", "broken.pdf"), "%PDF-1.4 junk");
});
afterAll(async () => {
  server.close();
  await runtime.close();
});

const skill = (...args: string[]) => skillIn(env, ...args);

describe("skill kb against a running server", () => {
  it("uploads a folder, waits for the server's workflow, and reports each refused file with its reason", async () => {
    const added = await skill("kb", "add", docs, join(root, "missing.md"), "--app", "remote-shop", "--json");
    expect(added.code).toBe(1);
    const result = JSON.parse(added.stdout);
    expect(result).toMatchObject({ added: 2, failed: 2, chunks: 2 });
    const byInput = Object.fromEntries(result.data.map((r: { input: string }) => [r.input, r]));
    expect(byInput[join(docs, "faq", "broken.pdf")].error).toMatch(/not a readable PDF/);
    expect(byInput[join(root, "missing.md")].error).toBe("no such file or folder");
    expect(byInput[join(docs, "returns.md")]).toMatchObject({ status: "ready", chunks: 1 });
    const unknown = await skill("kb", "add", docs, "--app", "nope");
    expect(unknown.stderr.trim()).toBe('skill: 404 app "nope" not found');
  });

  it("lists, searches and removes; an agent may search but not add", async () => {
    const list = JSON.parse((await skill("kb", "list", "--json")).stdout);
    expect(list.data.map((s: { kind: string; status: string }) => `${s.kind}:${s.status}`).sort()).toEqual([
      "file:ready",
      "qa:ready",
    ]);
    const found = JSON.parse((await skill("kb", "search", "ship to Canada", "--app", "remote-shop", "--json")).stdout);
    expect(found.passages[0]).toMatchObject({ title: "Do you ship to Canada?", text: "Yes, within 5 days." });
    const asAgent = await skillIn(agentEnv, "kb", "search", "refund for shoes", "--app", "remote-shop");
    expect(asAgent.stdout).toContain("1. Returns");
    const refused = await skillIn(agentEnv, "kb", "add", join(docs, "returns.md"), "--app", "remote-shop");
    expect(refused.stderr.trim()).toBe("skill: 403 This action needs the admin role.");
    const id = list.data.find((s: { kind: string }) => s.kind === "file").id;
    expect((await skill("kb", "remove", id)).stdout).toContain(`Removed ${id}`);
    expect(JSON.parse((await skill("kb", "list", "--json")).stdout).data).toHaveLength(1);
    expect((await skill("kb", "remove", id)).stderr).toContain("404");
  });
});

describe("skill eval against a running server", () => {
  const dataset = join(root, "dataset");
  mkdirSync(dataset, { recursive: true });
  writeFileSync(
    join(dataset, "queries.jsonl"),
    [
      { _id: "q1", text: "do you deliver to Canada" },
      { _id: "q2", text: "unjudged" },
    ]
      .map((q) => JSON.stringify(q))
      .join("\n"),
  );

  it("ranks the queries over the app's knowledge on the server, judged by source id or uri, and writes the run", async () => {
    const [faq] = JSON.parse((await skill("kb", "list", "--json")).stdout).data;
    writeFileSync(join(dataset, "qrels.tsv"), `query-id\tcorpus-id\tscore\nq1\t${faq.uri}\t1\n`);
    const runFile = join(root, "run.tsv");
    const args = ["eval", "retrieval", "--dataset", dataset, "--app", "remote-shop", "--k", "5", "--json"];
    const res = await skill(...args, "--run", runFile);
    expect(res.code, res.stderr).toBe(0);
    const out = JSON.parse(res.stdout);
    expect(out).toMatchObject({ app: "remote-shop", mode: "hybrid", k: 5, documents: 1, queries: 1, indexingMs: null });
    expect(out.metrics).toMatchObject({ "P@1": 1, "MRR@10": 1 });
    expect(readFileSync(runFile, "utf8")).toBe(`q1\t${faq.uri}\t1\n`);
    writeFileSync(join(dataset, "qrels.tsv"), `query-id\tcorpus-id\tscore\nq1\t${faq.id}\t1\n`);
    expect(JSON.parse((await skill(...args)).stdout).metrics["P@1"]).toBe(1);
  });

  it("without --app, and for eval triage, works here on the files given (nothing on the server, nothing in DATA_DIR)", async () => {
    writeFileSync(
      join(dataset, "corpus.jsonl"),
      JSON.stringify({ _id: "d1", title: "Canada", text: "We ship to Canada." }),
    );
    writeFileSync(join(dataset, "qrels.tsv"), "query-id\tcorpus-id\tscore\nq1\td1\t1\n");
    const local = await skill("eval", "retrieval", "--dataset", dataset, "--json");
    expect(local.code, local.stderr).toBe(0);
    expect(JSON.parse(local.stdout)).toMatchObject({ app: null, documents: 1, metrics: { "P@1": 1 } });
    const rows = (label: string, words: string[]) =>
      words.map((w) => JSON.stringify({ text: `help with ${w}`, label }));
    const train = join(root, "train.jsonl");
    writeFileSync(
      train,
      [...rows("shipping", ["parcel", "courier"]), ...rows("login", ["password", "sign in"])].join("\n"),
    );
    const triage = await skill("eval", "triage", "--train", train, "--test", train, "--json");
    expect(triage.code, triage.stderr).toBe(0);
    expect(JSON.parse(triage.stdout)).toMatchObject({ trainRows: 4, testRows: 4 });
    expect(readdirSync(env.DATA_DIR ?? "")).toEqual([]);
  });
});
