import type { ReplayCache } from "@support/channels";
import type { Database, SecretBox } from "@support/db";
import type { LanguageModel, RetrievedPassage } from "@support/decisions";
import type { FileStore } from "@support/files";
import type { StripeAdapter } from "@support/payments";
import type { Logger } from "pino";
import type { BillingPort } from "../billing/port.js";
import type { ReplyAdapterRegistry } from "../delivery/registry.js";
import type { LiveSignals } from "../files/live.js";
import type { RateLimiter } from "../intake/rate-limit.js";
import type { KnowledgeDeps } from "../knowledge/deps.js";
import type { Mailer } from "../mail/port.js";
import type { Notifier } from "../notifications/notifier.js";
import type { Counters } from "./metrics.js";
import type { Tracer } from "./tracing.js";

/** The knowledge issue's retrieval port: passages for a question, and whether any is relevant. */
export type Retrieve = (input: {
  orgId: string;
  appId: string;
  query: string;
  k: number;
}) => Promise<{ passages: RetrievedPassage[]; relevant: boolean }>;

/** A canned response close enough to the message to be the draft itself (knowledge issue). */
export type FindCanned = (input: {
  orgId: string;
  appId: string;
  message: string;
}) => Promise<{ passage: RetrievedPassage; similarity: number } | undefined>;

/**
 * Everything services reach beyond the database: the secrets box, the model, retrieval, the
 * channels' reply adapters, the notifier, Stripe, tracing. The composition root
 * (`@support/product`) builds them from the configuration; tests build their own.
 */
export interface Ports {
  secrets: SecretBox;
  /** The product's public base URL (webhook URLs, links in messages). */
  publicUrl: string;
  model: LanguageModel;
  retrieve: Retrieve;
  findCanned?: FindCanned;
  knowledge: KnowledgeDeps;
  replies: ReplyAdapterRegistry;
  /** Tells people (Slack) about reminders, escalations, failed sends and the daily summary. */
  notifier: Notifier;
  /** Langfuse when configured; absent means no tracing. */
  tracer?: Tracer;
  /** Stripe Connect when configured: charges are read while gathering, refunds run on approval. */
  stripe?: StripeAdapter;
  /** Stripe Billing and the plan catalogue when configured; absent, billing is off and nothing is limited. */
  billing?: BillingPort;
  /** Per call to the product app while gathering (default 3 s). */
  gatherTimeoutMs?: number;
  /** Personal data older than this is dropped by the sweep. */
  retentionDays: number;
  counters: Counters;
  logger: Logger;
  /**
   * Inbound signatures already handled (a replay is refused) and the public form's rate limits:
   * in-process state shared by every request of this instance.
   */
  replayCache: ReplayCache;
  rateLimiter: RateLimiter;
  /**
   * How every URL and host a tenant sets is reached (integration, callback, channel base URLs,
   * SMTP, crawls): the guarded fetch and host resolver of `@support/outbound` (ADR 0100).
   */
  outbound: { fetch: typeof fetch; resolveHost: (host: string) => Promise<string> };
  /** Wakes the outbox relay, so what a service committed is published now rather than at the next poll. */
  wake(): void;
  /** Emails to people (resets, invitations, warnings): SMTP when configured, else the embedded mailbox. */
  mail: Mailer;
  /** Customers' files: the store (under DATA_DIR, or S3/R2) and the most one file may weigh (ADR 0141). */
  files: { store: FileStore; maxBytes: number };
  /** Signals for this process's open streams that are never stored (a person typing, ADR 0143). */
  live: LiveSignals;
}

/** The product as its services see it before a request names an organization and an actor. */
export interface Platform {
  db: Database;
  ports: Ports;
}
