import { extname } from "node:path";
import type { KnowledgeSourceView, ManualSourceInput, UrlSourceInput } from "@support/contract";
import { newId } from "@support/db";
import { asEvidence, maskNames } from "@support/decisions";
import { parseFile, redactPii, UnsupportedContentError } from "@support/knowledge";
import { requireQuota } from "../billing/quotas.js";
import { commitChange } from "../service/change.js";
import { requireRole, type ServiceContext } from "../service/context.js";
import { AppError } from "../service/errors.js";
import { insertSource, type SourceRow, saveDocuments } from "./repository.js";
import { publicSource, resolveNamespace } from "./sources.js";
import type { KnowledgeDocument, SourceKind } from "./types.js";

/**
 * The ways a source arrives. Each only stores it, pending, with its parsed content, its audit
 * row and a `kb/source.added` event in one transaction: the processing function
 * (`workflows/process-knowledge-source.ts`) fetches, chunks and indexes it, and resumes after a
 * crash. Adding knowledge needs the admin role.
 */

export interface NewSource {
  namespace: string;
  kind: SourceKind;
  title: string;
  uri?: string | null;
  language?: string | null;
  /** Parsed content; absent for sources fetched at processing time (site crawls). */
  documents?: KnowledgeDocument[];
  options?: Record<string, unknown>;
}

const PLAN_COUNTED = new Set<SourceKind>(["manual", "file", "qa", "url"]);

export async function createSource(ctx: ServiceContext, input: NewSource): Promise<KnowledgeSourceView> {
  requireRole(ctx, "admin");
  // What admins add counts against the plan's knowledge pages; learned replies and macros do not.
  if (PLAN_COUNTED.has(input.kind)) await requireQuota(ctx, "knowledgePages", input.documents?.length ?? 1);
  const now = new Date();
  const row: SourceRow = {
    id: newId("knowledgeSource"),
    orgId: ctx.org.id,
    namespace: input.namespace,
    kind: input.kind,
    title: input.title.slice(0, 500),
    uri: input.uri ?? null,
    status: "pending",
    error: null,
    chunksDone: 0,
    chunksTotal: 0,
    language: input.language ?? null,
    options: input.options ?? null,
    createdAt: now,
    updatedAt: now,
    indexedAt: null,
  };
  await commitChange(ctx, async (tx, log) => {
    await insertSource(tx, row);
    if (input.documents) await saveDocuments(tx, ctx.org.id, row.id, input.documents);
    await log.audit({ action: "knowledge_source.created", subject: row.id, data: { kind: row.kind } });
    await log.emit("kb/source.added", { v: 1, orgId: ctx.org.id, sourceId: row.id });
  });
  return publicSource(row);
}

/** A hand-written entry (Markdown) in an app's namespace or the shared one. */
export async function addTextSource(ctx: ServiceContext, input: ManualSourceInput): Promise<KnowledgeSourceView> {
  requireRole(ctx, "admin");
  if (!input.body.trim()) throw new AppError("invalid_input", "body: the entry has no text");
  return createSource(ctx, {
    namespace: await resolveNamespace(ctx, input.app),
    kind: "manual",
    title: input.title,
    language: input.language,
    documents: [{ format: "markdown", title: input.title, url: null, markdown: input.body }],
  });
}

/**
 * A file, parsed before anything is stored: unsupported, corrupt, encrypted or empty files are
 * refused here with the parser's reason, and the stored content is what processing reads.
 */
export async function addFileSource(
  ctx: ServiceContext,
  input: { app: string; name: string; bytes: Uint8Array; language?: string },
): Promise<KnowledgeSourceView> {
  requireRole(ctx, "admin");
  const namespace = await resolveNamespace(ctx, input.app);
  let documents: Awaited<ReturnType<typeof parseFile>>;
  try {
    documents = await parseFile(input.name, input.bytes);
  } catch (error) {
    if (error instanceof UnsupportedContentError) throw new AppError("invalid_input", error.message);
    throw error;
  }
  const isQa = extname(input.name).toLowerCase() === ".csv";
  return createSource(ctx, {
    namespace,
    kind: isQa ? "qa" : "file",
    title: documents[0]?.title ?? input.name,
    uri: input.name,
    language: input.language,
    documents,
  });
}

/** A site, crawled by the processing function (and again at each re-sync). */
export async function addUrlSource(ctx: ServiceContext, input: UrlSourceInput): Promise<KnowledgeSourceView> {
  requireRole(ctx, "admin");
  let url: URL;
  try {
    url = new URL(input.url);
  } catch {
    throw new AppError("invalid_input", `url: "${input.url}" is not a URL`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new AppError("invalid_input", "url: only http and https URLs can be crawled");
  }
  return createSource(ctx, {
    namespace: await resolveNamespace(ctx, input.app),
    kind: "url",
    title: url.host + (url.pathname === "/" ? "" : url.pathname),
    uri: url.toString(),
    language: input.language,
    options: { maxPages: input.maxPages ?? 50, maxDepth: input.maxDepth ?? 3 },
  });
}

/**
 * A resolved conversation: the customer's question and the reply a human approved, with
 * personal data (emails, phones, cards, street addresses, the `names` given) redacted before
 * anything is stored, and the answer kept as evidence only (`asEvidence`, ADR 0090): no greeting,
 * sign-off, amount, order number or statement of an action taken travels to another customer.
 */
export async function addConversationSource(
  ctx: ServiceContext,
  input: {
    app: string;
    question: string;
    answer: string;
    conversationId?: string;
    language?: string;
    names?: (string | null)[];
  },
): Promise<KnowledgeSourceView> {
  requireRole(ctx, "admin");
  const question = maskNames(redactPii(input.question), input.names ?? []).trim();
  if (!question || !input.answer.trim())
    throw new AppError("invalid_input", "a resolved conversation needs a question and an answer");
  const answer = asEvidence(redactPii(input.answer), { names: input.names });
  if (!answer)
    throw new AppError(
      "invalid_input",
      "nothing in this answer holds for another customer: greetings, names, amounts, order numbers and actions taken are not learned",
    );
  const title = question.replace(/\s+/g, " ").slice(0, 120);
  return createSource(ctx, {
    namespace: await resolveNamespace(ctx, input.app),
    kind: "conversation",
    title,
    uri: input.conversationId ?? null,
    language: input.language,
    documents: [{ format: "qa", title, url: null, pairs: [{ question, answer }] }],
  });
}

/** Canned responses and macros (hand-written or imported): one passage each, titled by its name. */
export async function addCannedResponses(
  ctx: ServiceContext,
  input: { app: string; title: string; origin?: string; responses: { title: string; body: string }[] },
): Promise<KnowledgeSourceView> {
  requireRole(ctx, "admin");
  const pairs = input.responses
    .map((r) => ({ question: r.title.trim(), answer: r.body.trim() }))
    .filter((p) => p.question && p.answer);
  if (pairs.length === 0) throw new AppError("invalid_input", "no canned response has both a title and a body");
  return createSource(ctx, {
    namespace: await resolveNamespace(ctx, input.app),
    kind: "macro",
    title: input.title,
    uri: input.origin ?? null,
    documents: [{ format: "qa", title: input.title, url: null, pairs }],
  });
}
