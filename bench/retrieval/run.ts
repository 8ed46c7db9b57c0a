import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createSource, initProduct, OPERATOR, processSource, rankKnowledge } from "@support/core";
import { percentile, RETRIEVAL_MODES } from "@support/knowledge";
import { loadConfig, openProduct } from "@support/product";
import { syntheticChunks, syntheticQueries } from "./corpus.js";

/**
 * Indexing time, query latency per mode and memory of the embedded store at 10k and 100k chunks,
 * through the same services as real sources (the embedded product on a temporary folder).
 * Usage: pnpm --filter @support/bench-retrieval bench [sizes, default 10000,100000] [--keep <dir>]
 * `--keep <dir>` ingests each size once into <dir>/<size> and reuses it on later runs: the index
 * build and the queries of two versions compared on the same data, without the ingest's minutes.
 */
const args = process.argv.slice(2);
const keepAt = args.indexOf("--keep");
const keep = keepAt >= 0 ? args.splice(keepAt, 2)[1] : undefined;
const sizes = (args[0] ?? "10000,100000").split(",").map(Number);
const QUERIES = 200;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

for (const size of sizes) {
  const dir = keep ? join(keep, String(size)) : mkdtempSync(join(tmpdir(), "bench-retrieval-"));
  if (keep) mkdirSync(dir, { recursive: true });
  const ingested = join(dir, "ingested");
  const product = await openProduct(loadConfig({ DATA_DIR: dir }));
  const { organization: org } = await initProduct(product.platform, { name: "Bench", org: "Bench" });
  const ctx = product.contextFor(org.id, OPERATOR);
  const deps = ctx.ports.knowledge;
  if (!existsSync(ingested)) {
    const documents = syntheticChunks(size).map((c) => ({
      format: "markdown" as const,
      title: c.title,
      url: null,
      markdown: c.markdown,
    }));
    const t0 = performance.now();
    const source = await createSource(ctx, { namespace: "bench", kind: "manual", title: "Bench", documents });
    const done = await processSource(ctx, source.id);
    const ingestMs = performance.now() - t0;
    if (done.status !== "ready") throw new Error(`ingest failed: ${done.error}`);
    console.log(`\n${size} chunks (${done.progress.total} after chunking)`);
    console.log(
      `  ingest (chunk, embed, write to SQLite): ${(ingestMs / 1000).toFixed(1)} s (${Math.round(done.progress.total / (ingestMs / 1000))} chunks/s)`,
    );
    if (keep) writeFileSync(ingested, String(done.progress.total));
  } else console.log(`\n${size} chunks (ingested before, in ${dir})`);
  global.gc?.();
  const before = process.memoryUsage();

  const t1 = performance.now();
  await rankKnowledge(deps, { orgId: org.id, namespaces: ["bench"], query: "warm up", mode: "bm25", limit: 10 });
  const loadMs = performance.now() - t1;
  const after = process.memoryUsage();
  global.gc?.();
  const retained = process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;

  console.log(`  index build from the database:          ${(loadMs / 1000).toFixed(2)} s`);
  console.log(`  memory: rss ${mb(after.rss)} (+${mb(after.rss - before.rss)}), heap ${mb(after.heapUsed)}`);
  if (global.gc)
    console.log(`  retained after GC (heap + buffers): +${mb(retained - before.heapUsed - before.arrayBuffers)}`);
  for (const mode of RETRIEVAL_MODES) {
    const latencies: number[] = [];
    for (const query of syntheticQueries(QUERIES)) {
      const q0 = performance.now();
      await rankKnowledge(deps, { orgId: org.id, namespaces: ["bench"], query, mode, limit: 10 });
      latencies.push(performance.now() - q0);
    }
    console.log(
      `  query ${mode.padEnd(6)} p50 ${percentile(latencies, 50).toFixed(1)} ms, p95 ${percentile(latencies, 95).toFixed(1)} ms (${QUERIES} queries, k=10)`,
    );
  }
  await product.close();
  if (!keep) rmSync(dir, { recursive: true, force: true });
}
