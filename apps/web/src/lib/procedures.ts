import type {
  ConversationProcedureStatus,
  ProcedureSummaryView,
  ProcedureTestInput,
  ProcedureTestResult,
  ProcedureView,
  TaskView,
  TriageConfigView,
} from "@support/contract";
import { isMap, isSeq, type Node, parseDocument } from "yaml";
import type { MessageId } from "../i18n/translator.js";
import { ApiError, api, query } from "./api.js";
import type { Conversation, Page } from "./types.js";

export type { ProcedureSummaryView, ProcedureTestResult, ProcedureView, TaskView, TriageConfigView };

const appBase = (app: string) => `/api/v1/apps/${encodeURIComponent(app)}`;

/** Procedures, categories and tasks as the dashboard calls them (ADR 0110, 0111). */
export const proceduresClient = {
  list: (app: string) => api<{ data: ProcedureSummaryView[] }>(`${appBase(app)}/procedures`),
  show: (app: string, key: string) => api<ProcedureView>(`${appBase(app)}/procedures/${encodeURIComponent(key)}`),
  save: (app: string, body: { definition: unknown } | { template: string }) =>
    api<ProcedureView>(`${appBase(app)}/procedures`, { method: "POST", body }),
  remove: (app: string, key: string) =>
    api<ProcedureSummaryView>(`${appBase(app)}/procedures/${encodeURIComponent(key)}`, { method: "DELETE" }),
  test: (app: string, key: string, body: ProcedureTestInput) =>
    api<ProcedureTestResult>(`${appBase(app)}/procedures/${encodeURIComponent(key)}/test`, { method: "POST", body }),
  categories: (app: string) => api<TriageConfigView>(`${appBase(app)}/categories`),
  saveCategories: (app: string, body: unknown) =>
    api<TriageConfigView>(`${appBase(app)}/categories`, { method: "PUT", body }),
  tasks: (status: string | undefined) => api<Page<TaskView>>(`/api/v1/tasks${query({ status, limit: "100" })}`),
  tasksOf: (conversation: string) => api<Page<TaskView>>(`/api/v1/tasks${query({ conversation, limit: "100" })}`),
  setTask: (id: string, status: "open" | "closed") =>
    api<TaskView>(`/api/v1/tasks/${encodeURIComponent(id)}`, { method: "PATCH", body: { status } }),
  conversations: (status: string) => api<Page<Conversation>>(`/api/v1/conversations${query({ status, limit: "100" })}`),
};

/** The built-in templates the API installs (`POST .../procedures {template}`). */
export const PROCEDURE_TEMPLATES = ["3d-intake", "return-authorisation"] as const;

export const PROCEDURE_STATUS_LABEL: Record<ConversationProcedureStatus, MessageId> = {
  awaiting_information: "procedures.status.awaiting_information",
  quoted: "procedures.status.quoted",
  validated: "procedures.status.validated",
  refused: "procedures.status.refused",
};

export const RUN_STATE_LABEL: Record<string, MessageId> = {
  running: "procedures.run.running",
  waiting: "procedures.run.waiting",
  finished: "procedures.run.finished",
  handed_off: "procedures.run.handed_off",
  failed: "procedures.run.failed",
};

export const TASK_STATUS_LABEL: Record<TaskView["status"], MessageId> = {
  creating: "tasks.status.creating",
  open: "tasks.status.open",
  closed: "tasks.status.closed",
};

export const TRY_OUTCOME_LABEL: Record<ProcedureTestResult["outcome"], MessageId> = {
  finished: "procedures.try.finished",
  handed_off: "procedures.try.handed_off",
  waiting: "procedures.try.waiting",
};

/** Text the editor shows: YAML is what operators write; JSON is YAML too, so either parses. */
export function parseSource(text: string): { value: unknown } | { error: string; line: number } {
  const doc = parseDocument(text, { prettyErrors: false });
  const first = doc.errors[0];
  if (first) return { error: first.message, line: lineAt(text, first.pos[0]) };
  return { value: doc.toJS() };
}

const lineAt = (text: string, offset: number) => text.slice(0, offset).split("\n").length;

/** One refused field, with the line of the editor's text it points at (null: not in the text). */
export interface FieldIssue {
  field: string;
  message: string;
  line: number | null;
}

/**
 * The API's issues (dotted zod paths such as `definition.steps.3.on.accept`) placed on the lines
 * of the text that was sent: the deepest part of the path the text has (a missing key points at
 * its parent). `prefix` is the body's wrapper the text does not contain (`definition`).
 */
export function placeIssues(text: string, error: unknown, prefix = ""): FieldIssue[] {
  if (!(error instanceof ApiError) || error.code !== "invalid_input") return [];
  const issues = error.issues.length > 0 ? error.issues : issueFromDetail(error.message);
  const doc = parseDocument(text);
  return issues.map(({ field, message }) => {
    const local = prefix && field.startsWith(`${prefix}.`) ? field.slice(prefix.length + 1) : field;
    const path = local.split(".").filter(Boolean);
    let node: Node | null = doc.contents;
    let found = node;
    for (const segment of path) {
      node = childOf(node, segment);
      if (!node) break;
      found = node;
    }
    const offset = found?.range?.[0];
    return { field, message, line: offset === undefined ? null : lineAt(text, offset) };
  });
}

function childOf(node: Node | null, segment: string): Node | null {
  if (isSeq(node)) return (node.items[Number(segment)] as Node | undefined) ?? null;
  if (isMap(node)) {
    const pair = node.items.find((p) => String((p.key as { value?: unknown } | null)?.value ?? p.key) === segment);
    return (pair?.value as Node | null | undefined) ?? (pair?.key as Node | null | undefined) ?? null;
  }
  return null;
}

/** Checks the service makes after the schema name their field at the start of the detail. */
function issueFromDetail(detail: string): { field: string; message: string }[] {
  return detail.split("; ").map((part) => {
    const match = /^([\w.]+): (.*)$/s.exec(part);
    return match ? { field: match[1] as string, message: match[2] as string } : { field: "", message: part };
  });
}
