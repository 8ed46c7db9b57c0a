import type { ProcedureRunStep, ProcedureRunView, TaskView } from "@support/contract";
import { listTasks, type ProcedureRunRow, procedureRunsOfConversation, type TaskRow } from "@support/db";
import type { Extracted, QuoteResult } from "@support/decisions";
import type { ServiceContext } from "../service/context.js";

/** What a run has collected so far: the state its steps read and write. */
export interface RunData {
  language: string;
  customer: { email: string; name: string };
  extracted: Extracted;
  quote: QuoteResult | null;
  missing: string | null;
  /** The category triage picked, and the one the customer's form declared when it differs. */
  classification: { category: string; declaredSource: string | null };
}

export const runData = (run: ProcedureRunRow): RunData => run.data as RunData;
export const runSteps = (run: ProcedureRunRow): ProcedureRunStep[] =>
  (run.results as ProcedureRunStep[]).map(({ step, kind, output, at }) => ({ step, kind, output, at }));

export function publicTask(task: TaskRow): TaskView {
  return {
    id: task.id,
    appId: task.appId,
    conversationId: task.conversationId,
    runId: task.runId,
    title: task.title,
    description: task.description,
    provider: task.provider as TaskView["provider"],
    externalId: task.externalId,
    url: task.url,
    status: task.status as TaskView["status"],
    createdAt: task.createdAt.toISOString(),
    closedAt: task.closedAt?.toISOString() ?? null,
  };
}

/** A conversation's procedure runs, newest first, with what each step found and did (the conversation page). */
export async function procedureRunViews(ctx: ServiceContext, conversationId: string): Promise<ProcedureRunView[]> {
  const runs = await procedureRunsOfConversation(ctx.db, ctx.org.id, conversationId);
  if (runs.length === 0) return [];
  const tasks = (await listTasks(ctx.db, ctx.org.id, { conversationId }, { limit: 100 })).data;
  return runs.map((run) => {
    const data = runData(run);
    return {
      id: run.id,
      procedureKey: run.procedureKey,
      procedureVersion: run.procedureVersion,
      state: run.state as ProcedureRunView["state"],
      currentStep: run.currentStep,
      language: data.language,
      extracted: data.extracted,
      missing: data.missing,
      quote: data.quote,
      tasks: tasks.filter((t) => t.runId === run.id).map((t) => ({ id: t.id, provider: t.provider, url: t.url })),
      steps: runSteps(run),
      createdAt: run.createdAt.toISOString(),
      finishedAt: run.finishedAt?.toISOString() ?? null,
    };
  });
}
