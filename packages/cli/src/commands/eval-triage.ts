import { readFile } from "node:fs/promises";
import { evaluateTriage, parseLabelledRows } from "@support/decisions";
import { CliError, type Output } from "../output.js";

const percent = (v: number) => `${(v * 100).toFixed(1)}%`;

/** `skill eval triage`: no database involved, so it never opens the runtime. */
export async function evalTriageCommand(out: Output, opts: { train?: string; test?: string; shots?: string }) {
  if (!opts.train || !opts.test) throw new CliError("eval triage needs --train <jsonl> and --test <jsonl>");
  const shots = opts.shots === undefined ? undefined : Number(opts.shots);
  if (shots !== undefined && (!Number.isInteger(shots) || shots < 1))
    throw new CliError("--shots must be a positive integer");
  const load = async (path: string) => parseLabelledRows(await readFile(path, "utf8"), path);
  const [train, test] = await Promise.all([load(opts.train), load(opts.test)]);
  const report = evaluateTriage(train, test, { shots });
  out.result(report, () => [
    `trained on ${report.trainRows} rows (${report.labels} labels${shots ? `, ${shots} per label` : ""}) in ${Math.round(report.trainingMs)} ms; tested on ${report.testRows}`,
    `accuracy            ${percent(report.accuracy)}`,
    `macro-F1            ${percent(report.macroF1)}`,
    `out-of-scope recall ${report.outOfScopeRecall === null ? "n/a (no oos rows)" : percent(report.outOfScopeRecall)}`,
    `abstention rate     ${percent(report.abstentionRate)} (threshold ${report.abstainBelow.toFixed(3)})`,
    `in-scope accuracy   ${percent(report.inScopeAccuracy)}`,
    `accepted accuracy   ${percent(report.acceptedAccuracy)}`,
  ]);
}
