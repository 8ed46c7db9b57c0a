import { createReplayCache, type ReplayCache } from "@support/channels";
import { type Database, openDatabase, type SecretBox } from "@support/db";
import { loadStripeAdapter, type StripeAdapter } from "@support/payments";
import pino, { type Logger } from "pino";
import { type Auth, createAuth } from "./auth.js";
import type { Config } from "./config.js";
import { Counters } from "./metrics.js";
import { InProcessEventBus } from "./outbox/publisher.js";
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
  /** The embedded event bus the outbox relay publishes to. */
  bus: InProcessEventBus;
  /** Started by the server only; other entry points just append to the outbox. */
  relay: OutboxRelay;
  /** Stripe Connect, when configured (STRIPE_* variables). */
  stripe?: StripeAdapter;
}

/** Opens what every entry point (server, CLI) needs, and applies migrations. */
export async function openRuntime(
  config: Config,
  options: { migrate?: boolean; logger?: Logger } = {},
): Promise<Runtime> {
  const masterKey = loadMasterKey(config);
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  if (options.migrate ?? true) await database.migrate();
  const auth = createAuth(database, { baseURL: config.publicUrl, secret: deriveSecret(masterKey, "better-auth") });
  const logger = options.logger ?? pino({ level: "silent" });
  const bus = new InProcessEventBus();
  return {
    config,
    database,
    secrets: loadSecretBox(masterKey),
    auth,
    logger,
    counters: new Counters(),
    replayCache: createReplayCache(),
    rateLimiter: createRateLimiter(),
    bus,
    relay: createOutboxRelay(database, bus, logger),
    stripe: config.stripe ? await loadStripeAdapter(config.stripe) : undefined,
  };
}
