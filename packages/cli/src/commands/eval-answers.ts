import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { basename, join, relative } from "node:path";
import type { AnswerBusiness } from "@support/core";
import {
  type AnswerReport,
  AnswerSetError,
  calibrateRelevance,
  parseAnswerQuestions,
  type Rate,
} from "@support/decisions";
import { CliError, type Output } from "../output.js";

/** Runs the evaluation of the loaded businesses (in a throwaway product, see eval-answers-local). */
export type AnswersEvaluator = (businesses: AnswerBusiness[]) => Promise<AnswerReport>;

/** `business.json` (optional): `{ "name": "…", "language": "fr" }`. */
function businessSettings(path: string, text: string): { name?: string; language?: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new CliError(`${path}: not JSON`);
  }
  const { name, language } = (raw ?? {}) as Record<string, unknown>;
  if (name !== undefined && (typeof name !== "string" || !name.trim()))
    throw new CliError(`${path}: name must be a text`);
  if (language !== undefined && (typeof language !== "string" || !/^[a-z]{2,3}$/.test(language)))
    throw new CliError(`${path}: language must be a language code such as "fr"`);
  return { name: name as string | undefined, language: language as string | undefined };
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : Promise.resolve([join(dir, e.name)]))),
  );
  return nested.flat().sort();
}

/** The most frequent language of the questions: the app's language when business.json names none. */
function mainLanguage(langs: string[]): string {
  const counts = new Map<string, number>();
  for (const lang of langs) counts.set(lang, (counts.get(lang) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? "en";
}

async function readBusiness(dir: string): Promise<AnswerBusiness> {
  const questionsPath = join(dir, "questions.jsonl");
  let questions: AnswerBusiness["questions"];
  try {
    questions = parseAnswerQuestions(await readFile(questionsPath, "utf8"), questionsPath);
  } catch (error) {
    if (error instanceof AnswerSetError) throw new CliError(error.message);
    throw new CliError(`cannot read ${questionsPath}: ${(error as Error).message}`);
  }
  if (questions.length === 0) throw new CliError(`${questionsPath} has no question`);
  const settingsPath = join(dir, "business.json");
  const settings = existsSync(settingsPath) ? businessSettings(settingsPath, await readFile(settingsPath, "utf8")) : {};
  const kbDir = join(dir, "kb");
  if (!existsSync(kbDir)) throw new CliError(`${dir} has no kb/ folder`);
  const kb = await Promise.all(
    (await filesUnder(kbDir)).map(async (path) => ({ name: relative(kbDir, path), bytes: await readFile(path) })),
  );
  if (kb.length === 0) throw new CliError(`${kbDir} is empty`);
  return {
    name: settings.name ?? basename(dir),
    language: settings.language ?? mainLanguage(questions.map((q) => q.lang)),
    kb,
    questions,
  };
}

/** A business folder (kb/ and questions.jsonl), or a folder of them. */
export async function readAnswerDataset(dir: string): Promise<AnswerBusiness[]> {
  if (!existsSync(dir)) throw new CliError(`${dir} does not exist`);
  if (existsSync(join(dir, "questions.jsonl"))) return [await readBusiness(dir)];
  const entries = (await readdir(dir, { withFileTypes: true })).filter(
    (e) => e.isDirectory() && existsSync(join(dir, e.name, "questions.jsonl")),
  );
  if (entries.length === 0) throw new CliError(`${dir} has no questions.jsonl, nor folders with one`);
  return Promise.all(entries.map((e) => readBusiness(join(dir, e.name))).sort());
}

const percent = ({ rate, count, of }: Rate) => (rate === null ? "n/a" : `${(rate * 100).toFixed(1)}% (${count}/${of})`);

function summary(report: AnswerReport): string[] {
  const misses = report.results.filter(
    (r) =>
      (r.kind === "answerable" && !r.keyFact) ||
      (r.kind === "human" && !r.escalated) ||
      r.leaks.length + r.actionClaims.length + r.wrongActions.length > 0 ||
      (r.kind === "out_of_scope" && r.autoSendable && r.answered),
  );
  return [
    `${report.questions} questions: ${report.kinds.answerable} answerable, ${report.kinds.human} asking for a person, ${report.kinds.action} asking for an action, ${report.kinds.out_of_scope} out of scope`,
    `answer rate            ${percent(report.answerRate)}`,
    `key-fact answer rate   ${percent(report.keyFactAnswerRate)}`,
    `key-fact recall        ${percent(report.keyFactRecall)}`,
    `escalation precision   ${percent(report.escalation.precision)}`,
    `escalation recall      ${percent(report.escalation.recall)}`,
    `out of scope auto-sent ${percent(report.outOfScopeAutoSent)}`,
    `leaks                  ${report.leaks}`,
    `false action claims    ${report.falseActionClaims}`,
    `wrong actions          ${report.wrongActions}`,
    `auto-send precision    ${percent(report.autoSend.precision)} at coverage ${percent(report.autoSend.coverage)}`,
    `triage accuracy        ${percent(report.triage.accuracy)}`,
    ...Object.entries(report.byLanguage).map(
      ([lang, l]) =>
        `  ${lang}: key-fact answer rate ${percent(l.keyFactAnswerRate)}, triage accuracy ${percent(l.triage.accuracy)}, escalation precision ${percent(l.triage.escalation.precision)}, recall ${percent(l.triage.escalation.recall)}`,
    ),
    ...(misses.length > 0 ? ["misses:"] : []),
    ...misses.map((r) => `  [${r.business}] ${r.kind} ${r.status}: ${r.text}`),
  ];
}

/**
 * `skill eval answers --dataset <dir>`: replays a labelled answer set through the drafting
 * pipeline in shadow mode (nothing sent) and prints the answer metrics; `--json` adds every
 * question's outcome and reply.
 */
export async function evalAnswersCommand(
  out: Output,
  opts: { dataset?: string; calibrate?: boolean },
  evaluate: AnswersEvaluator,
) {
  if (!opts.dataset) throw new CliError("eval answers needs --dataset <dir>");
  const businesses = await readAnswerDataset(opts.dataset);
  const report = await evaluate(businesses);
  const calibration = opts.calibrate ? calibrationOf(report) : undefined;
  out.result({ dataset: opts.dataset, businesses: businesses.map((b) => b.name), ...report, calibration }, () => [
    ...summary(report),
    ...Object.entries(calibration ?? {}).map(
      ([lang, c]) =>
        `relevance ${lang}: minCoverage ${c.minCoverage}, minCosine ${c.minCosine} (${c.answerable} answerable kept ${percent({ rate: c.truePositiveRate, count: Math.round(c.truePositiveRate * c.answerable), of: c.answerable })}, ${c.unanswerable} out of scope refused ${percent({ rate: c.trueNegativeRate, count: Math.round(c.trueNegativeRate * c.unanswerable), of: c.unanswerable })})`,
    ),
  ]);
}

/**
 * `--calibrate`: the relevance thresholds per language (as retrieval detects the question's)
 * that best separate the set's answerable questions from its out-of-scope ones.
 */
function calibrationOf(report: AnswerReport) {
  return calibrateRelevance(
    report.results.flatMap((r) =>
      r.relevance && (r.kind === "answerable" || r.kind === "out_of_scope")
        ? [{ ...r.relevance, language: r.relevance.language ?? "default", answerable: r.kind === "answerable" }]
        : [],
    ),
  );
}
