import {
  type Config,
  createReplyAdapterRegistry,
  findCannedResponse,
  openRuntime,
  type PipelineDeps,
  pipelineWorkflows,
  type Retrieve,
  type Runtime,
  searchKnowledge,
  storedChannelAdapters,
  type Tracer,
} from "@support/core";
import { languageModelFromConfig } from "@support/models";
import { createSlackNotifier, slackDepsFromRuntime } from "@support/slack";
import type { Logger } from "pino";

/** The knowledge issue's retrieval port: the app's namespace plus the organization's shared one. */
export function knowledgeRetrieval(runtime: Runtime): Retrieve {
  return (input) => searchKnowledge(runtime.knowledge, input);
}

/** The composition root of the pipeline: which model, retrieval, canned responses and channels it uses. */
export function createPipelineDeps(runtime: Runtime, retrieve: Retrieve = knowledgeRetrieval(runtime)): PipelineDeps {
  return {
    database: runtime.database,
    secrets: runtime.secrets,
    model: languageModelFromConfig(runtime.config),
    retrieve,
    findCanned: (input) => findCannedResponse(runtime.knowledge, input),
    replies: createReplyAdapterRegistry(runtime.database.db, storedChannelAdapters(runtime.database, runtime.secrets)),
    stripe: runtime.stripe,
  };
}

/**
 * The product's runtime: the workflow functions (the pipeline) on the engine or Inngest. The
 * functions read their dependencies through a getter because those need the runtime itself.
 */
export async function openProductRuntime(
  config: Config,
  options: { logger?: Logger; tracer?: Tracer; migrate?: boolean } = {},
): Promise<Runtime> {
  let deps: ReturnType<Parameters<typeof pipelineWorkflows>[0]> | undefined;
  const runtime = await openRuntime(config, {
    logger: options.logger,
    migrate: options.migrate,
    workflows: pipelineWorkflows(() => {
      if (!deps) throw new Error("the pipeline ran before its dependencies were built");
      return deps;
    }),
  });
  deps = {
    ...createPipelineDeps(runtime),
    tracer: options.tracer,
    knowledge: runtime.knowledge,
    retentionDays: config.retentionDays,
    notifier: createSlackNotifier(slackDepsFromRuntime(runtime)),
  };
  return runtime;
}

/** What the server runs in the background: the workflow engine (embedded mode) and the outbox relay. */
export async function startWorkers(runtime: Runtime): Promise<void> {
  // Resumes runs left pending by a crash or restart before new events arrive.
  await runtime.engine?.start();
  // Publishes what was committed before a crash as well as everything new.
  runtime.relay.start();
}

export async function stopWorkers(runtime: Runtime): Promise<void> {
  await runtime.relay.stop();
  await runtime.engine?.stop();
}
