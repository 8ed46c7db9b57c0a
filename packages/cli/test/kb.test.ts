import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { skillIn } from "./skill.js";

const skill = (dataDir: string, ...args: string[]) => skillIn({ DATA_DIR: dataDir }, ...args);

describe("skill kb", () => {
  const root = mkdtempSync(join(tmpdir(), "support-kb-cli-"));
  const dataDir = join(root, "data");
  const docs = join(root, "docs");
  mkdirSync(join(docs, "faq"), { recursive: true });
  writeFileSync(join(docs, "returns.md"), "# Returns\n\nReturn unworn shoes within 60 days for a full refund.\n");
  writeFileSync(join(docs, "faq", "shipping.csv"), 'question,answer\nDo you ship to Canada?,"Yes, within 5 days."\n');
  writeFileSync(join(docs, "faq", "broken.pdf"), "%PDF-1.4 junk");
  writeFileSync(join(docs, "logo.png"), "not text");

  it("adds a folder recursively, reports each bad file with its reason, and still adds the rest", async () => {
    expect((await skill(dataDir, "init", "--name", "Acme")).code).toBe(0);
    const added = await skill(dataDir, "kb", "add", docs, join(root, "missing.md"), "--app", "acme", "--json");
    expect(added.code).toBe(1);
    const result = JSON.parse(added.stdout);
    expect(result).toMatchObject({ added: 2, failed: 2, chunks: 2 });
    const byInput = Object.fromEntries(result.data.map((r: { input: string }) => [r.input, r]));
    expect(byInput[join(docs, "faq", "broken.pdf")].error).toMatch(/not a readable PDF/);
    expect(byInput[join(root, "missing.md")].error).toBe("no such file or folder");
    expect(byInput[join(docs, "returns.md")]).toMatchObject({ status: "ready", chunks: 1 });
    expect(Object.keys(byInput)).not.toContain(join(docs, "logo.png"));
  });

  it("evaluates the app's knowledge as it is with --app, judging sources by the file they came from", async () => {
    const dataset = join(root, "dataset");
    mkdirSync(dataset);
    writeFileSync(join(dataset, "queries.jsonl"), JSON.stringify({ _id: "q1", text: "can I return my shoes" }));
    writeFileSync(join(dataset, "qrels.tsv"), `query-id\tcorpus-id\tscore\nq1\t${join(docs, "returns.md")}\t1\n`);
    const res = await skill(dataDir, "eval", "retrieval", "--dataset", dataset, "--app", "acme", "--json");
    expect(res.code, res.stderr).toBe(0);
    expect(JSON.parse(res.stdout)).toMatchObject({ app: "acme", documents: 2, queries: 1, metrics: { "P@1": 1 } });
  });

  it("lists, searches and removes", async () => {
    const list = JSON.parse((await skill(dataDir, "kb", "list", "--json")).stdout);
    expect(list.data.map((s: { kind: string; status: string }) => `${s.kind}:${s.status}`).sort()).toEqual([
      "file:ready",
      "qa:ready",
    ]);
    const found = JSON.parse(
      (await skill(dataDir, "kb", "search", "ship to Canada", "--app", "acme", "--json")).stdout,
    );
    expect(found.relevant).toBe(true);
    expect(found.passages[0]).toMatchObject({ title: "Do you ship to Canada?", text: "Yes, within 5 days." });
    const text = await skill(dataDir, "kb", "search", "refund for shoes", "--app", "acme");
    expect(text.stdout).toContain("1. Returns");
    const id = list.data.find((s: { kind: string }) => s.kind === "file").id;
    expect((await skill(dataDir, "kb", "remove", id)).stdout).toContain(`Removed ${id}`);
    const after = JSON.parse((await skill(dataDir, "kb", "list", "--json")).stdout);
    expect(after.data).toHaveLength(1);
    expect((await skill(dataDir, "kb", "remove", id)).stderr).toContain("not found");
  });
});

describe("skill eval retrieval", () => {
  const dir = mkdtempSync(join(tmpdir(), "support-eval-"));
  const corpus = [
    { _id: "d1", title: "Refunds", text: "Refunds are issued within five days." },
    { _id: "d2", title: "Passwords", text: "Reset a password with the forgot password link." },
    { _id: "d3", title: "Shipping", text: "We ship worldwide from Lyon." },
  ];
  writeFileSync(join(dir, "corpus.jsonl"), corpus.map((d) => JSON.stringify(d)).join("\n"));
  writeFileSync(
    join(dir, "queries.jsonl"),
    [
      { _id: "q1", text: "how do I reset my password" },
      { _id: "q2", text: "when will my refund arrive" },
      { _id: "q3", text: "unjudged query" },
    ]
      .map((q) => JSON.stringify(q))
      .join("\n"),
  );
  writeFileSync(join(dir, "qrels.tsv"), "query-id\tcorpus-id\tscore\nq1\td2\t1\nq2\td1\t1\n");

  it("indexes a BEIR dataset, prints the metrics and writes the run file", async () => {
    const runFile = join(dir, "run.tsv");
    const res = await skill(
      join(dir, "data"),
      "eval",
      "retrieval",
      "--dataset",
      dir,
      "--k",
      "2",
      "--run",
      runFile,
      "--json",
    );
    expect(res.code).toBe(0);
    const out = JSON.parse(res.stdout);
    expect(out).toMatchObject({ mode: "hybrid", documents: 3, queries: 2, k: 2 });
    expect(out.metrics).toMatchObject({ "nDCG@10": 1, "MRR@10": 1, "P@1": 1, "Recall@10": 1, MAP: 1 });
    expect(out.latencyMs.p95).toBeGreaterThanOrEqual(out.latencyMs.p50);
    const lines = readFileSync(runFile, "utf8").trim().split("\n");
    expect(lines[0]).toBe("q1\td2\t1");
    expect(lines.every((l) => /^q[12]\td[123]\t[12]$/.test(l))).toBe(true);
  });

  it("runs every mode and rejects an unknown one", async () => {
    for (const mode of ["bm25", "dense"]) {
      const res = await skill(join(dir, "data"), "eval", "retrieval", "--dataset", dir, "--mode", mode, "--json");
      expect(JSON.parse(res.stdout).metrics["P@1"]).toBe(1);
    }
    const bad = await skill(join(dir, "data"), "eval", "retrieval", "--dataset", dir, "--mode", "magic");
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("--mode must be one of bm25, dense, hybrid");
  });
});
