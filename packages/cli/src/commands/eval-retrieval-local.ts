import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { evaluateKnowledge, evaluateRetrieval, initProduct, OPERATOR } from "@support/core";
import { loadConfig, openProduct, type Product } from "@support/product";
import type { AppEvaluator, CorpusEvaluator } from "./eval-retrieval.js";
import { localContext } from "./org.js";

/**
 * The dataset's corpus indexed into a product of its own on a throwaway data folder (embedded
 * database and index, whatever the configuration names), one manual source per document.
 */
export const throwawayEvaluator: CorpusEvaluator = async (dataset, opts) => {
  const dir = mkdtempSync(join(tmpdir(), "skill-eval-"));
  const product = await openProduct(loadConfig({ DATA_DIR: dir }));
  try {
    const { organization } = await initProduct(product.platform, { name: "Evaluation", org: "Evaluation" });
    const result = await evaluateRetrieval(product.contextFor(organization.id, OPERATOR), dataset, {
      namespace: `eval_${randomBytes(8).toString("hex")}`,
      ...opts,
    });
    return { ...result, run: Object.fromEntries(result.run) };
  } finally {
    await product.close();
    rmSync(dir, { recursive: true, force: true });
  }
};

/** An app's knowledge on the DATA_DIR, as the operator sees it. */
export function localEvaluator(runtime: Product, org?: string): AppEvaluator {
  return async (input) => evaluateKnowledge(await localContext(runtime, org), input);
}
