import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { evaluateAnswers, initProduct, OPERATOR } from "@support/core";
import { loadConfig, openProduct } from "@support/product";
import type { AnswersEvaluator } from "./eval-answers.js";

/**
 * A product of its own on a throwaway data folder, embedded everything and the offline model
 * whatever the configuration names, so the figures depend on the code and the set only.
 */
export const throwawayAnswersEvaluator: AnswersEvaluator = async (businesses) => {
  const dir = mkdtempSync(join(tmpdir(), "skill-eval-answers-"));
  const product = await openProduct(loadConfig({ DATA_DIR: dir }));
  try {
    const { organization } = await initProduct(product.platform, { name: "Evaluation", org: "Evaluation" });
    return await evaluateAnswers(product.contextFor(organization.id, OPERATOR), businesses);
  } finally {
    await product.close();
    rmSync(dir, { recursive: true, force: true });
  }
};
