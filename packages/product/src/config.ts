import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { VectorSettings } from "@support/core";
import { CURRENCIES, checkPlans, DEFAULT_PLANS, type Plan, QUOTAS } from "@support/decisions";
import type { InngestSettings } from "@support/engine";
import type { S3Settings } from "@support/files";
import type { AnthropicSettings } from "@support/models";
import { OutboundNetworks } from "@support/outbound";
import { z } from "zod";

/**
 * The only place that reads the environment. Everything else receives a validated Config.
 */
const schema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default("127.0.0.1"),
  DATA_DIR: z.string().min(1).default("./.data"),
  DATABASE_URL: z
    .string()
    .regex(/^(file:|mysql:\/\/|https?:\/\/)/, "must start with file:, mysql:// or https://")
    .optional(),
  SECRETS_KEY: z
    .string()
    .refine((v) => Buffer.from(v, "base64").length === 32, "must be 32 bytes, base64-encoded")
    .optional(),
  PUBLIC_URL: z.string().url().optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  BODY_LIMIT_BYTES: z.coerce.number().int().positive().default(1_048_576),
  TRUST_PROXY: z.enum(["true", "false"]).default("false"),
  METRICS_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
  SUPPORT_API_URL: z.string().url().optional(),
  SUPPORT_API_KEY: z.string().startsWith("sk_").optional(),
  ANTHROPIC_API_KEY: z.string().min(1).optional(),
  ANTHROPIC_BASE_URL: z.string().url().optional(),
  ANTHROPIC_MODEL: z.string().min(1).default("claude-sonnet-5-5"),
  LANGFUSE_PUBLIC_KEY: z.string().min(1).optional(),
  LANGFUSE_SECRET_KEY: z.string().min(1).optional(),
  LANGFUSE_BASE_URL: z.string().url().optional(),
  AXIOM_TOKEN: z.string().min(1).optional(),
  AXIOM_DATASET: z.string().min(1).default("support-platform"),
  AXIOM_URL: z.string().url().optional(),
  RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  UPSTASH_VECTOR_REST_URL: z.string().url().optional(),
  UPSTASH_VECTOR_REST_TOKEN: z.string().min(1).optional(),
  UPSTASH_VECTOR_FUSION: z.enum(["RRF", "DBSF"]).default("RRF"),
  UPSTASH_VECTOR_HOSTED_EMBEDDINGS: z.enum(["true", "false"]).default("false"),
  INNGEST_EVENT_KEY: z.string().min(1).optional(),
  INNGEST_SIGNING_KEY: z.string().min(1).optional(),
  INNGEST_BASE_URL: z.string().url().optional(),
  INNGEST_DEV: z.enum(["0", "1", "true", "false"]).optional(),
  STRIPE_SECRET_KEY: z
    .string()
    .regex(/^(sk|rk)_/, "must be a Stripe secret or restricted key")
    .optional(),
  STRIPE_WEBHOOK_SECRET: z.string().startsWith("whsec_").optional(),
  STRIPE_CLIENT_ID: z.string().startsWith("ca_").optional(),
  STRIPE_API_BASE: z.string().url().optional(),
  STRIPE_BILLING_WEBHOOK_SECRET: z.string().startsWith("whsec_").optional(),
  BILLING_PLANS_FILE: z.string().min(1).optional(),
  BILLING_OVERAGE: z.enum(["pause", "allow"]).default("pause"),
  FRONT_PLUGIN_FRAME_ANCESTORS: z
    .string()
    .regex(/^[^;,\s]+(\s+[^;,\s]+)*$/, "space-separated CSP sources, e.g. https://*.frontapp.com")
    .default("https://*.frontapp.com https://*.frontapplication.com"),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^/]+/, "an smtp:// or smtps:// URL")
    .optional(),
  MAIL_FROM: z.string().min(3).max(320).optional(),
  ROLE: z.enum(["all", "api", "worker"]).default("all"),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, "must start with redis:// or rediss://")
    .optional(),
  FILES_S3_BUCKET: z.string().min(3).max(63).optional(),
  FILES_S3_ENDPOINT: z.string().url().optional(),
  FILES_S3_REGION: z.string().min(1).default("auto"),
  FILES_S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  FILES_S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  FILES_S3_PATH_STYLE: z.enum(["true", "false"]).default("false"),
  FILE_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(100 * 1024 * 1024)
    .default(10 * 1024 * 1024),
  ALLOWED_OUTBOUND_NETWORKS: z
    .string()
    .optional()
    .superRefine((value, ctx) => {
      try {
        OutboundNetworks.parse(value);
      } catch (error) {
        ctx.addIssue({ code: "custom", message: (error as Error).message });
      }
    }),
});

const planSchema = z.object({
  id: z.string(),
  name: z.string().min(1),
  quotas: z.object(
    Object.fromEntries(QUOTAS.map((q) => [q, z.number().int().min(0)])) as Record<(typeof QUOTAS)[number], z.ZodNumber>,
  ),
  prices: z.partialRecord(z.enum(CURRENCIES), z.number().int().positive()),
  metered: z.boolean().default(false),
  trial: z.boolean().optional(),
});

/** The plan catalogue: the defaults, or a JSON file of plans checked like the defaults are. */
function loadPlans(file: string | undefined): Plan[] {
  if (!file) return [...DEFAULT_PLANS];
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(resolve(file), "utf8"));
  } catch (error) {
    throw new ConfigError(`Invalid configuration:\n  BILLING_PLANS_FILE: ${(error as Error).message}`);
  }
  const parsed = z.array(planSchema).safeParse(raw);
  const problems = parsed.success
    ? checkPlans(parsed.data)
    : parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
  if (!parsed.success || problems.length > 0)
    throw new ConfigError(`Invalid configuration:\n  BILLING_PLANS_FILE: ${problems.join("; ")}`);
  return parsed.data;
}

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl?: string;
  secretsKey?: string;
  publicUrl: string;
  logLevel: z.infer<typeof schema>["LOG_LEVEL"];
  bodyLimitBytes: number;
  /** Behind one reverse proxy: the client is the last `X-Forwarded-For` address (docs/security.md). */
  trustProxy: boolean;
  /** `/metrics` answers only this bearer token; unset, only requests from the loopback address. */
  metricsToken?: string;
  embedded: boolean;
  remote?: { url: string; apiKey: string };
  /** Set when ANTHROPIC_API_KEY is: Claude triages what the offline model is unsure of, and drafts. */
  anthropic?: AnthropicSettings;
  /** Set when both Langfuse keys are: pipeline runs and model calls are traced there. */
  langfuse?: { publicKey: string; secretKey: string; baseUrl?: string };
  /** Set when AXIOM_TOKEN is: logs are shipped to that dataset as well as stdout. */
  axiom?: { token: string; dataset: string; url?: string };
  /** Raw webhook payloads older than this are emptied by the sweep. */
  retentionDays: number;
  /** Upstash Vector (hybrid index) for knowledge retrieval; unset means the embedded index. */
  vectors?: VectorSettings;
  inngest: InngestSettings;
  /** Set when the Stripe Connect variables are: apps can connect their account for refunds. */
  stripe?: { secretKey: string; webhookSecret: string; clientId: string; apiBase?: string };
  /** Set when STRIPE_SECRET_KEY and STRIPE_BILLING_WEBHOOK_SECRET are: plans are sold through Stripe Billing. */
  billing?: { secretKey: string; webhookSecret: string; apiBase?: string };
  /** The plan catalogue (enforced only when billing is on; unlimited otherwise). */
  plans: Plan[];
  /** What happens at the AI draft quota until the owner chooses: pause drafting, or allow overage. */
  billingOverage: "pause" | "allow";
  /**
   * CIDR ranges that tenant-set URLs may reach beside the public internet (self-hosted and test
   * setups); metadata addresses stay refused whatever is listed (ADR 0100).
   */
  allowedOutboundNetworks: string[];
  /** Who may frame the Front sidebar plugin (CSP `frame-ancestors`): Front's own domains unless set. */
  frontPluginFrameAncestors: string;
  /** Set with SMTP_URL (and MAIL_FROM): emails to people go through it; else the embedded mailbox. */
  mail?: { smtpUrl: string; from: string };
  /**
   * What this process runs (docs/production.md): `all` (the default) the API, the embedded engine
   * and the outbox relay; `api` the API and the relay; `worker` the engine and the relay.
   */
  role: "all" | "api" | "worker";
  /** The webhook replay cache on Redis; unset, on the platform database. */
  redisUrl?: string;
  /**
   * Customers' files (widget uploads, email attachments): in an S3-compatible bucket when
   * FILES_S3_BUCKET is set, else under DATA_DIR/files; `maxBytes` caps one file (ADR 0141).
   */
  files: { maxBytes: number; s3?: S3Settings };
}

export class ConfigError extends Error {
  readonly code = "config_invalid";
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  const embedded = !e.DATABASE_URL || e.DATABASE_URL.startsWith("file:");
  if (!embedded && !e.SECRETS_KEY) {
    throw new ConfigError(
      "Invalid configuration:\n  SECRETS_KEY: required when DATABASE_URL points at a production database",
    );
  }
  if (Boolean(e.LANGFUSE_PUBLIC_KEY) !== Boolean(e.LANGFUSE_SECRET_KEY)) {
    throw new ConfigError("Invalid configuration:\n  LANGFUSE_PUBLIC_KEY and LANGFUSE_SECRET_KEY: set both or neither");
  }
  if (Boolean(e.SUPPORT_API_URL) !== Boolean(e.SUPPORT_API_KEY)) {
    throw new ConfigError("Invalid configuration:\n  SUPPORT_API_URL and SUPPORT_API_KEY: set both or neither");
  }
  if (Boolean(e.UPSTASH_VECTOR_REST_URL) !== Boolean(e.UPSTASH_VECTOR_REST_TOKEN)) {
    throw new ConfigError(
      "Invalid configuration:\n  UPSTASH_VECTOR_REST_URL and UPSTASH_VECTOR_REST_TOKEN: set both or neither",
    );
  }
  if (e.ROLE !== "all" && embedded) {
    throw new ConfigError(
      `Invalid configuration:\n  ROLE: ${e.ROLE} needs DATABASE_URL on MySQL or PlanetScale (several processes cannot share the embedded SQLite file)`,
    );
  }
  const inngest = inngestSettings(e);
  const stripeSet = [e.STRIPE_SECRET_KEY, e.STRIPE_WEBHOOK_SECRET, e.STRIPE_CLIENT_ID].filter(Boolean).length;
  // Billing alone needs only the secret key and its own webhook secret; Connect needs all three.
  const billingOnly = stripeSet === 1 && e.STRIPE_SECRET_KEY && e.STRIPE_BILLING_WEBHOOK_SECRET;
  if (e.STRIPE_BILLING_WEBHOOK_SECRET && !e.STRIPE_SECRET_KEY) {
    throw new ConfigError("Invalid configuration:\n  STRIPE_BILLING_WEBHOOK_SECRET: needs STRIPE_SECRET_KEY");
  }
  if (stripeSet !== 0 && stripeSet !== 3 && !billingOnly) {
    throw new ConfigError(
      "Invalid configuration:\n  STRIPE_SECRET_KEY, STRIPE_WEBHOOK_SECRET and STRIPE_CLIENT_ID: set all three or none",
    );
  }
  if (e.SMTP_URL && !e.MAIL_FROM) {
    throw new ConfigError(
      "Invalid configuration:\n  MAIL_FROM: required with SMTP_URL (the sender of resets and invitations)",
    );
  }
  const files = fileSettings(e);
  const displayHost = e.HOST === "0.0.0.0" ? "127.0.0.1" : e.HOST;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    secretsKey: e.SECRETS_KEY,
    publicUrl: (e.PUBLIC_URL ?? `http://${displayHost}:${e.PORT}`).replace(/\/$/, ""),
    logLevel: e.LOG_LEVEL,
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    trustProxy: e.TRUST_PROXY === "true",
    metricsToken: e.METRICS_TOKEN,
    embedded,
    remote: e.SUPPORT_API_URL && e.SUPPORT_API_KEY ? { url: e.SUPPORT_API_URL, apiKey: e.SUPPORT_API_KEY } : undefined,
    anthropic: e.ANTHROPIC_API_KEY
      ? { apiKey: e.ANTHROPIC_API_KEY, baseUrl: e.ANTHROPIC_BASE_URL, model: e.ANTHROPIC_MODEL }
      : undefined,
    langfuse:
      e.LANGFUSE_PUBLIC_KEY && e.LANGFUSE_SECRET_KEY
        ? { publicKey: e.LANGFUSE_PUBLIC_KEY, secretKey: e.LANGFUSE_SECRET_KEY, baseUrl: e.LANGFUSE_BASE_URL }
        : undefined,
    axiom: e.AXIOM_TOKEN ? { token: e.AXIOM_TOKEN, dataset: e.AXIOM_DATASET, url: e.AXIOM_URL } : undefined,
    retentionDays: e.RETENTION_DAYS,
    vectors:
      e.UPSTASH_VECTOR_REST_URL && e.UPSTASH_VECTOR_REST_TOKEN
        ? {
            url: e.UPSTASH_VECTOR_REST_URL,
            token: e.UPSTASH_VECTOR_REST_TOKEN,
            fusion: e.UPSTASH_VECTOR_FUSION,
            hostedEmbeddings: e.UPSTASH_VECTOR_HOSTED_EMBEDDINGS === "true",
          }
        : undefined,
    inngest,
    stripe:
      e.STRIPE_SECRET_KEY && e.STRIPE_WEBHOOK_SECRET && e.STRIPE_CLIENT_ID
        ? {
            secretKey: e.STRIPE_SECRET_KEY,
            webhookSecret: e.STRIPE_WEBHOOK_SECRET,
            clientId: e.STRIPE_CLIENT_ID,
            apiBase: e.STRIPE_API_BASE,
          }
        : undefined,
    billing:
      e.STRIPE_SECRET_KEY && e.STRIPE_BILLING_WEBHOOK_SECRET
        ? { secretKey: e.STRIPE_SECRET_KEY, webhookSecret: e.STRIPE_BILLING_WEBHOOK_SECRET, apiBase: e.STRIPE_API_BASE }
        : undefined,
    plans: loadPlans(e.BILLING_PLANS_FILE),
    billingOverage: e.BILLING_OVERAGE,
    allowedOutboundNetworks: [...OutboundNetworks.parse(e.ALLOWED_OUTBOUND_NETWORKS).ranges],
    frontPluginFrameAncestors: e.FRONT_PLUGIN_FRAME_ANCESTORS,
    mail: e.SMTP_URL && e.MAIL_FROM ? { smtpUrl: e.SMTP_URL, from: e.MAIL_FROM } : undefined,
    role: e.ROLE,
    redisUrl: e.REDIS_URL,
    files,
  };
}

function fileSettings(e: z.infer<typeof schema>): Config["files"] {
  const keys = [e.FILES_S3_ACCESS_KEY_ID, e.FILES_S3_SECRET_ACCESS_KEY].filter(Boolean).length;
  if (!e.FILES_S3_BUCKET) {
    if (keys > 0 || e.FILES_S3_ENDPOINT) {
      throw new ConfigError("Invalid configuration:\n  FILES_S3_BUCKET: required with the other FILES_S3_ settings");
    }
    return { maxBytes: e.FILE_MAX_BYTES };
  }
  if (!e.FILES_S3_ACCESS_KEY_ID || !e.FILES_S3_SECRET_ACCESS_KEY) {
    throw new ConfigError(
      "Invalid configuration:\n  FILES_S3_ACCESS_KEY_ID and FILES_S3_SECRET_ACCESS_KEY: required with FILES_S3_BUCKET",
    );
  }
  return {
    maxBytes: e.FILE_MAX_BYTES,
    s3: {
      bucket: e.FILES_S3_BUCKET,
      endpoint: e.FILES_S3_ENDPOINT,
      region: e.FILES_S3_REGION,
      accessKeyId: e.FILES_S3_ACCESS_KEY_ID,
      secretAccessKey: e.FILES_S3_SECRET_ACCESS_KEY,
      forcePathStyle: e.FILES_S3_PATH_STYLE === "true",
    },
  };
}

function inngestSettings(e: z.infer<typeof schema>): InngestSettings {
  const dev = e.INNGEST_DEV === "1" || e.INNGEST_DEV === "true";
  if (dev) return { mode: "dev", baseUrl: e.INNGEST_BASE_URL };
  if (e.INNGEST_EVENT_KEY || e.INNGEST_SIGNING_KEY) {
    if (!e.INNGEST_EVENT_KEY || !e.INNGEST_SIGNING_KEY) {
      throw new ConfigError(
        "Invalid configuration:\n  INNGEST_EVENT_KEY and INNGEST_SIGNING_KEY: set both for Inngest Cloud (or INNGEST_DEV=1)",
      );
    }
    return {
      mode: "cloud",
      eventKey: e.INNGEST_EVENT_KEY,
      signingKey: e.INNGEST_SIGNING_KEY,
      baseUrl: e.INNGEST_BASE_URL,
    };
  }
  // A base URL alone names a self-hosted `inngest start` or dev server.
  if (e.INNGEST_BASE_URL) return { mode: "dev", baseUrl: e.INNGEST_BASE_URL };
  return { mode: "embedded" };
}
