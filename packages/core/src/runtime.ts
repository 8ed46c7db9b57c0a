import { createReplayCache, type ReplayCache } from "@support/channels";
import { type Database, openDatabase, type SecretBox } from "@support/db";
import { loadStripeAdapter, type StripeAdapter } from "@support/payments";
import type { Hono } from "hono";
import pino, { type Logger } from "pino";
import { type Auth, createAuth } from "./auth.js";
import type { Config } from "./config.js";
import { createEmbeddedEngine, type EmbeddedEngine, type EmbeddedEngineOptions } from "./engine/engine.js";
import { createForegroundGate, type ForegroundGate } from "./foreground.js";
import { createInngestClient, type SupportInngest } from "./inngest/client.js";
import { supportWorkflows, type WorkflowFactory } from "./inngest/functions.js";
import { createInngestPublisher } from "./inngest/publisher.js";
import { createInngestServeApp } from "./inngest/serve.js";
import { type KnowledgeDeps, knowledgeFor } from "./knowledge/deps.js";
import { Counters } from "./metrics.js";
import { fanOutPublisher, InProcessEventBus } from "./outbox/publisher.js";
import { createOutboxRelay, type OutboxRelay } from "./outbox/relay.js";
import { createRateLimiter, type RateLimiter } from "./rate-limit.js";
import { deriveSecret, loadMasterKey, loadSecretBox } from "./secrets-key.js";

export interface Runtime {
  config: Config;
  database: Database;
  secrets: SecretBox;
  auth: Auth;
  logger: Logger;
  counters: Counters;
  replayCache: ReplayCache;
  rateLimiter: RateLimiter;
  /** Request-path work (the HTTP server) goes ahead of the engine and the relay in this process. */
  foreground: ForegroundGate;
  /** In-process subscribers (live updates) see every event after the workflow engine took it. */
  bus: InProcessEventBus;
  /** Started by the server only; other entry points just append to the outbox. */
  relay: OutboxRelay;
  knowledge: KnowledgeDeps;
  /** The one Inngest client the workflow functions are defined on. */
  inngest: SupportInngest;
  /** The serve handler (`/api/inngest`) of the workflow functions. */
  inngestServe: Hono;
  /** The embedded engine when Inngest is not configured; started by the server only. */
  engine?: EmbeddedEngine;
  /** Stripe Connect, when configured (STRIPE_* variables). */
  stripe?: StripeAdapter;
}

export interface RuntimeOptions {
  migrate?: boolean;
  logger?: Logger;
  /** The workflow functions to serve (the platform's own by default). */
  workflows?: WorkflowFactory;
  engine?: EmbeddedEngineOptions;
}

/** Opens what every entry point (server, CLI) needs, and applies migrations. */
export async function openRuntime(config: Config, options: RuntimeOptions = {}): Promise<Runtime> {
  const masterKey = loadMasterKey(config);
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  if (options.migrate ?? true) await database.migrate();
  const auth = createAuth(database, { baseURL: config.publicUrl, secret: deriveSecret(masterKey, "better-auth") });
  const logger = options.logger ?? pino({ level: "silent" });
  const bus = new InProcessEventBus();
  const inngest = createInngestClient(config.inngest, logger);
  const inngestServe = createInngestServeApp(inngest, (options.workflows ?? supportWorkflows)(inngest));
  const foreground = createForegroundGate();
  // Embedded: the engine calls the serve handler in-process. Otherwise Inngest calls /api/inngest.
  const engine =
    config.inngest.mode === "embedded"
      ? createEmbeddedEngine(database, async (request) => inngestServe.fetch(request), logger, {
          turn: foreground.turn,
          ...options.engine,
        })
      : undefined;
  const workflowPublisher = engine ? engine.publisher : createInngestPublisher(inngest);
  return {
    config,
    database,
    secrets: loadSecretBox(masterKey),
    auth,
    logger,
    counters: new Counters(),
    replayCache: createReplayCache(),
    rateLimiter: createRateLimiter(),
    foreground,
    bus,
    relay: createOutboxRelay(database, fanOutPublisher(workflowPublisher, bus), logger, { turn: foreground.turn }),
    knowledge: knowledgeFor(config, database.db),
    inngest,
    inngestServe,
    engine,
    stripe: config.stripe ? await loadStripeAdapter(config.stripe) : undefined,
  };
}
