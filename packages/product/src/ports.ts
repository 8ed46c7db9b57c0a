import { createSmtpMailSender, parseSmtpUrl, type ReplayCache } from "@support/channels";
import {
  type Counters,
  createLiveSignals,
  createRateLimiter,
  createReplyAdapterRegistry,
  findCannedResponse,
  type KnowledgeDeps,
  type Mailer,
  mailboxMailer,
  type Platform,
  type Ports,
  searchKnowledge,
  storedChannelAdapters,
  type Tracer,
  transportMailer,
} from "@support/core";
import type { Database, SecretBox } from "@support/db";
import { type FileStore, localFileStore, s3FileStore } from "@support/files";
import { languageModelFromConfig } from "@support/models";
import { createOutbound, OutboundNetworks } from "@support/outbound";
import type { BillingAdapter, StripeAdapter } from "@support/payments";
import { createSlackNotifier, type SlackClient, type SlackDeps } from "@support/slack";
import type { Logger } from "pino";
import type { Config } from "./config.js";
import { guardedSlackApi } from "./slack-guard.js";

/** Ports a caller may replace (tests, benches); everything else follows the configuration. */
export type PortOverrides = Partial<Pick<Ports, "retrieve" | "model" | "notifier" | "outbound">>;

export interface PortSources {
  config: Config;
  database: Database;
  secrets: SecretBox;
  knowledge: KnowledgeDeps;
  stripe?: StripeAdapter;
  /** Stripe Billing on the platform's account, when configured. */
  billing?: BillingAdapter;
  logger: Logger;
  counters: Counters;
  tracer?: Tracer;
  /** Wakes the outbox relay after a decision so its effects follow at once. */
  wakeRelay(): void;
  /** Emails to people; auth uses the same one. */
  mailer: Mailer;
  /** Shared by every instance: on Redis when configured, on the database otherwise. */
  replayCache: ReplayCache;
}

/** SMTP when SMTP_URL is set, else the embedded mailbox in the database. */
export function mailerFor(config: Config, database: Database): Mailer {
  if (!config.mail) return mailboxMailer(database.db);
  return transportMailer(createSmtpMailSender({ smtp: parseSmtpUrl(config.mail.smtpUrl), from: config.mail.from }));
}

/** How the product talks to Slack: the Web API adapter (its URL checked), logging through the product's logger. */
function slackClient(sources: Pick<PortSources, "logger">, outbound: Ports["outbound"]): SlackClient {
  return { logger: sources.logger, slackApi: guardedSlackApi(outbound) };
}

/**
 * What the Slack app (receiver, approval cards) needs, built the same way for the server, the CLI
 * and the tests: the platform it acts on, and the client.
 */
export function slackDeps(sources: Pick<PortSources, "logger">, platform: Platform): SlackDeps {
  return { ...slackClient(sources, platform.ports.outbound), platform };
}

/**
 * Which model, retrieval, canned responses, channels, Slack notifier and Stripe the product's
 * services and workflow functions use: the embedded defaults, or the production adapters the
 * configuration names.
 */
export function productPorts(sources: PortSources, overrides: PortOverrides = {}): Ports {
  const { config, database, secrets, knowledge } = sources;
  const outbound =
    overrides.outbound ?? createOutbound({ networks: new OutboundNetworks(config.allowedOutboundNetworks) });
  return {
    secrets,
    publicUrl: config.publicUrl,
    counters: sources.counters,
    logger: sources.logger,
    replayCache: sources.replayCache,
    rateLimiter: createRateLimiter(),
    wake: sources.wakeRelay,
    model: overrides.model ?? languageModelFromConfig(config),
    retrieve: overrides.retrieve ?? ((input) => searchKnowledge(knowledge, input)),
    findCanned: (input) => findCannedResponse(knowledge, input),
    replies: createReplyAdapterRegistry(database.db, storedChannelAdapters(database, secrets, outbound)),
    outbound,
    stripe: sources.stripe,
    billing: sources.billing
      ? { plans: config.plans, stripe: sources.billing, overageDefault: config.billingOverage }
      : undefined,
    tracer: sources.tracer,
    knowledge,
    retentionDays: config.retentionDays,
    notifier: overrides.notifier ?? createSlackNotifier(slackClient(sources, outbound)),
    mail: sources.mailer,
    files: { store: fileStoreFor(config), maxBytes: config.files.maxBytes },
    live: createLiveSignals(),
  };
}

/** The S3-compatible bucket when FILES_S3_BUCKET is set, else files under DATA_DIR (ADR 0141). */
export function fileStoreFor(config: Config): FileStore {
  return config.files.s3 ? s3FileStore(config.files.s3) : localFileStore(config.dataDir);
}
