import type { ReplayCache } from "@support/channels";
import {
  type Actor,
  type Auth,
  Counters,
  type KnowledgeDeps,
  knowledgeFor,
  loadAuth,
  type Platform,
  type Ports,
  requireSeat,
  type ServiceContext,
  serviceContext,
  type Tracer,
  WORKFLOW,
  workflowFunctions,
} from "@support/core";
import { createDatabaseReplayCache, type Database, openDatabase, type SecretBox } from "@support/db";
import {
  createEmbeddedEngine,
  createEmbeddedEnginePublisher,
  createForegroundGate,
  createInngestClient,
  createInngestPublisher,
  createInngestServeApp,
  createOutboxRelay,
  type EmbeddedEngine,
  type EmbeddedEngineOptions,
  type ForegroundGate,
  fanOutPublisher,
  InProcessEventBus,
  type OutboxRelay,
  type WorkflowClient,
  type WorkflowFactory,
} from "@support/engine";
import { loadBillingAdapter, loadStripeAdapter } from "@support/payments";
import { type SlackDeps, subscribeSlack } from "@support/slack";
import type { Hono } from "hono";
import pino, { type Logger } from "pino";
import type { Config } from "./config.js";
import { mailerFor, type PortOverrides, productPorts, slackDeps } from "./ports.js";
import { deriveSecret, loadMasterKey, loadSecretBox } from "./secrets-key.js";

/** The Inngest app id: function ids are prefixed with it (`support-<function id>`). */
export const INNGEST_APP_ID = "support";

/** The whole product, assembled from a validated configuration: what every entry point runs on. */
export interface Product {
  config: Config;
  database: Database;
  secrets: SecretBox;
  /** Sign-in and sessions (better-auth), built on first use: only the API needs them. */
  auth(): Promise<Auth>;
  logger: Logger;
  counters: Counters;
  /** Request-path work (the HTTP server) goes ahead of the engine and the relay in this process. */
  foreground: ForegroundGate;
  /** In-process subscribers (live updates, Slack cards) see every event after the workflow engine took it. */
  bus: InProcessEventBus;
  /** Started by `start()` only; other entry points just append to the outbox. */
  relay: OutboxRelay;
  knowledge: KnowledgeDeps;
  /** What the workflow functions and the services use: model, retrieval, channels, Slack, Stripe. */
  ports: Ports;
  /** The database and the ports: what a service context is made of. */
  platform: Platform;
  /** The one Inngest client the workflow functions are defined on. */
  inngest: WorkflowClient;
  /** The serve handler (`/api/inngest`) of the workflow functions. */
  inngestServe: Hono;
  /** The embedded engine when Inngest is not configured; started by `start()` only. */
  engine?: EmbeddedEngine;
  /** What the Slack app (cards, interactions, notifier) works with. */
  slack: SlackDeps;
  /**
   * Starts the background work: the embedded engine (resuming runs a crash left), the outbox
   * relay, and Slack's approval cards on the event bus.
   */
  start(): Promise<void>;
  /** Stops the background work; the database stays open. */
  stop(): Promise<void>;
  /** Stops the background work and closes the database. */
  close(): Promise<void>;
  /** The context a service call runs in: this organization, this actor. */
  contextFor(orgId: string, actor: Actor): ServiceContext;
}

export interface ProductOptions {
  /** Apply the database migrations first (default true). */
  migrate?: boolean;
  logger?: Logger;
  tracer?: Tracer;
  engine?: EmbeddedEngineOptions;
  /** Replaces the product's workflow functions (engine wiring tests serve their own). */
  workflows?: WorkflowFactory;
  /** Replaces ports, e.g. retrieval that fails like an unreachable vector store. */
  ports?: PortOverrides;
}

/**
 * The composition root: opens the database (and migrates it), the secrets, auth, the adapters
 * configuration selects (model, vectors, Stripe, Slack, channels), the workflow functions on the
 * one Inngest client, and the embedded engine when Inngest is not configured. The API, the CLI,
 * the benches and the test harnesses all start the product here.
 */
export async function openProduct(config: Config, options: ProductOptions = {}): Promise<Product> {
  const masterKey = loadMasterKey(config);
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  if (options.migrate ?? true) await database.migrate();
  const secrets = loadSecretBox(masterKey);
  const logger = options.logger ?? pino({ level: "silent" });
  const counters = new Counters();
  const mailer = mailerFor(config, database);
  let auth: Promise<Auth> | undefined;
  const loadProductAuth = () =>
    (auth ??= loadAuth(database, {
      baseURL: config.publicUrl,
      secret: deriveSecret(masterKey, "better-auth"),
      mailer,
      logger,
      // better-auth's invitation paths ask the plan for a seat; the acting member's role is better-auth's check.
      requireSeat: (orgId, moment) => requireSeat(serviceContext(platform, orgId, WORKFLOW), moment),
    }));
  const knowledge = knowledgeFor(config, database.db);
  const stripe = config.stripe ? await loadStripeAdapter(config.stripe) : undefined;
  const billing = config.billing ? await loadBillingAdapter(config.billing) : undefined;
  const bus = new InProcessEventBus();
  const foreground = createForegroundGate();
  const replay = await openReplayCache(config, database);
  // The relay is built last (it publishes to the engine); a service that committed events wakes it.
  const wakeRelay = () => relay.notify();
  const sources = {
    config,
    database,
    secrets,
    knowledge,
    stripe,
    billing,
    logger,
    counters,
    tracer: options.tracer,
    wakeRelay,
    mailer,
    replayCache: replay.cache,
  };
  const ports = productPorts(sources, options.ports);
  const inngest = createInngestClient(config.inngest, { appId: INNGEST_APP_ID, logger });
  const platform: Platform = { db: database, ports };
  const slack = slackDeps(sources, platform);
  const functions = (options.workflows ?? workflowFunctions(platform))(inngest);
  const inngestServe = createInngestServeApp(inngest, functions);
  // Embedded: the engine calls the serve handler in-process (not in an API-only instance, which
  // leaves drafting to the workers). Otherwise Inngest calls /api/inngest.
  const engine =
    config.inngest.mode === "embedded" && config.role !== "api"
      ? createEmbeddedEngine(database, async (request) => inngestServe.fetch(request), logger, {
          turn: foreground.turn,
          ...options.engine,
        })
      : undefined;
  const workflowPublisher = engine
    ? engine.publisher
    : config.inngest.mode === "embedded"
      ? createEmbeddedEnginePublisher(database)
      : createInngestPublisher(inngest);
  const relay: OutboxRelay = createOutboxRelay(database, fanOutPublisher(workflowPublisher, bus), logger, {
    turn: foreground.turn,
  });
  let unsubscribeSlack: (() => void) | undefined;
  const stop = async () => {
    unsubscribeSlack?.();
    unsubscribeSlack = undefined;
    await relay.stop();
    await engine?.stop();
  };
  return {
    config,
    database,
    secrets,
    auth: loadProductAuth,
    logger,
    counters,
    foreground,
    bus,
    relay,
    knowledge,
    ports,
    platform,
    inngest,
    inngestServe,
    engine,
    slack,
    async start() {
      unsubscribeSlack ??= subscribeSlack(bus, slack);
      // Resumes runs left pending by a crash or restart before new events arrive.
      await engine?.start();
      // Publishes what was committed before a crash as well as everything new.
      relay.start();
    },
    stop,
    async close() {
      await stop();
      await replay.close?.();
      await database.close();
    },
    contextFor: (orgId, actor) => serviceContext(platform, orgId, actor),
  };
}

/**
 * The webhook replay cache every instance shares: Redis when `REDIS_URL` is set (its client loaded
 * only then), the platform database otherwise.
 */
async function openReplayCache(
  config: Config,
  database: Database,
): Promise<{ cache: ReplayCache; close?: () => Promise<void> }> {
  if (!config.redisUrl) return { cache: createDatabaseReplayCache(database) };
  const { createRedisReplayCache } = await import("@support/channels/redis-replay-cache");
  const cache = createRedisReplayCache(config.redisUrl);
  return { cache, close: cache.close };
}
