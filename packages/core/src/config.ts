import { resolve } from "node:path";
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
  SUPPORT_API_URL: z.string().url().optional(),
  SUPPORT_API_KEY: z.string().startsWith("sk_").optional(),
  ANTHROPIC_API_KEY: z.string().min(1).optional(),
  ANTHROPIC_BASE_URL: z.string().url().optional(),
  ANTHROPIC_MODEL: z.string().min(1).default("claude-sonnet-5-5"),
  STRIPE_SECRET_KEY: z
    .string()
    .regex(/^(sk|rk)_/, "must be a Stripe secret or restricted key")
    .optional(),
  STRIPE_WEBHOOK_SECRET: z.string().startsWith("whsec_").optional(),
  STRIPE_CLIENT_ID: z.string().startsWith("ca_").optional(),
  STRIPE_API_BASE: z.string().url().optional(),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl?: string;
  secretsKey?: string;
  publicUrl: string;
  logLevel: z.infer<typeof schema>["LOG_LEVEL"];
  bodyLimitBytes: number;
  embedded: boolean;
  remote?: { url: string; apiKey: string };
  /** Set when ANTHROPIC_API_KEY is: Claude triages what the offline model is unsure of, and drafts. */
  anthropic?: { apiKey: string; baseUrl?: string; model: string };
  /** Set when the Stripe Connect variables are: apps can connect their account for refunds. */
  stripe?: { secretKey: string; webhookSecret: string; clientId: string; apiBase?: string };
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
  if (Boolean(e.SUPPORT_API_URL) !== Boolean(e.SUPPORT_API_KEY)) {
    throw new ConfigError("Invalid configuration:\n  SUPPORT_API_URL and SUPPORT_API_KEY: set both or neither");
  }
  const stripeSet = [e.STRIPE_SECRET_KEY, e.STRIPE_WEBHOOK_SECRET, e.STRIPE_CLIENT_ID].filter(Boolean).length;
  if (stripeSet !== 0 && stripeSet !== 3) {
    throw new ConfigError(
      "Invalid configuration:\n  STRIPE_SECRET_KEY, STRIPE_WEBHOOK_SECRET and STRIPE_CLIENT_ID: set all three or none",
    );
  }
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
    embedded,
    remote: e.SUPPORT_API_URL && e.SUPPORT_API_KEY ? { url: e.SUPPORT_API_URL, apiKey: e.SUPPORT_API_KEY } : undefined,
    anthropic: e.ANTHROPIC_API_KEY
      ? { apiKey: e.ANTHROPIC_API_KEY, baseUrl: e.ANTHROPIC_BASE_URL, model: e.ANTHROPIC_MODEL }
      : undefined,
    stripe:
      e.STRIPE_SECRET_KEY && e.STRIPE_WEBHOOK_SECRET && e.STRIPE_CLIENT_ID
        ? {
            secretKey: e.STRIPE_SECRET_KEY,
            webhookSecret: e.STRIPE_WEBHOOK_SECRET,
            clientId: e.STRIPE_CLIENT_ID,
            apiBase: e.STRIPE_API_BASE,
          }
        : undefined,
  };
}
