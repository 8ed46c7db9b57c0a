import { extname } from "node:path";
import { parseFile, redactPii, UnsupportedContentError } from "@support/knowledge";
import { AppError } from "../service/errors.js";
import type { KnowledgeDeps } from "./deps.js";
import { createSource } from "./ingest.js";
import type { SourceRow } from "./repository.js";

/**
 * The three ways a source arrives. Each only records it (status pending): processing is a
 * separate step, run in the background by the API and in the foreground by the CLI.
 */

export async function addTextSource(
  deps: KnowledgeDeps,
  orgId: string,
  namespace: string,
  input: { title: string; body: string; language?: string },
  actor: string,
): Promise<SourceRow> {
  if (!input.body.trim()) throw new AppError("invalid_input", "body: the entry has no text");
  return createSource(
    deps,
    orgId,
    {
      namespace,
      kind: "manual",
      title: input.title,
      language: input.language,
      documents: [{ format: "markdown", title: input.title, url: null, markdown: input.body }],
    },
    actor,
  );
}

/** Unsupported, corrupt, encrypted or empty files are refused here with the parser's reason. */
export async function addFileSource(
  deps: KnowledgeDeps,
  orgId: string,
  namespace: string,
  input: { name: string; bytes: Uint8Array; language?: string },
  actor: string,
): Promise<SourceRow> {
  let documents: Awaited<ReturnType<typeof parseFile>>;
  try {
    documents = await parseFile(input.name, input.bytes);
  } catch (error) {
    if (error instanceof UnsupportedContentError) throw new AppError("invalid_input", error.message);
    throw error;
  }
  const isQa = extname(input.name).toLowerCase() === ".csv";
  return createSource(
    deps,
    orgId,
    {
      namespace,
      kind: isQa ? "qa" : "file",
      title: documents[0]?.title ?? input.name,
      uri: input.name,
      language: input.language,
      documents,
    },
    actor,
  );
}

export async function addUrlSource(
  deps: KnowledgeDeps,
  orgId: string,
  namespace: string,
  input: { url: string; maxPages?: number; maxDepth?: number; language?: string },
  actor: string,
): Promise<SourceRow> {
  let url: URL;
  try {
    url = new URL(input.url);
  } catch {
    throw new AppError("invalid_input", `url: "${input.url}" is not a URL`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new AppError("invalid_input", "url: only http and https URLs can be crawled");
  }
  return createSource(
    deps,
    orgId,
    {
      namespace,
      kind: "url",
      title: url.host + (url.pathname === "/" ? "" : url.pathname),
      uri: url.toString(),
      language: input.language,
      options: { maxPages: input.maxPages ?? 50, maxDepth: input.maxDepth ?? 3 },
    },
    actor,
  );
}

/**
 * A resolved conversation: the customer's question and the reply a human approved, with
 * personal data (emails, phones, cards, street addresses) redacted before anything is stored.
 */
export async function addConversationSource(
  deps: KnowledgeDeps,
  orgId: string,
  namespace: string,
  input: { question: string; answer: string; conversationId?: string; language?: string },
  actor: string,
): Promise<SourceRow> {
  const question = redactPii(input.question).trim();
  const answer = redactPii(input.answer).trim();
  if (!question || !answer)
    throw new AppError("invalid_input", "a resolved conversation needs a question and an answer");
  const title = question.replace(/\s+/g, " ").slice(0, 120);
  return createSource(
    deps,
    orgId,
    {
      namespace,
      kind: "conversation",
      title,
      uri: input.conversationId ?? null,
      language: input.language,
      documents: [{ format: "qa", title, url: null, pairs: [{ question, answer }] }],
    },
    actor,
  );
}

/** Canned responses and macros (hand-written or imported): one passage each, titled by its name. */
export async function addCannedResponses(
  deps: KnowledgeDeps,
  orgId: string,
  namespace: string,
  input: { title: string; origin?: string; responses: { title: string; body: string }[] },
  actor: string,
): Promise<SourceRow> {
  const pairs = input.responses
    .map((r) => ({ question: r.title.trim(), answer: r.body.trim() }))
    .filter((p) => p.question && p.answer);
  if (pairs.length === 0) throw new AppError("invalid_input", "no canned response has both a title and a body");
  return createSource(
    deps,
    orgId,
    {
      namespace,
      kind: "macro",
      title: input.title,
      uri: input.origin ?? null,
      documents: [{ format: "qa", title: input.title, url: null, pairs }],
    },
    actor,
  );
}
