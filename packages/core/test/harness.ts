import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createReplayCache } from "@support/channels";
import { createSecretBox, type Database } from "@support/db";
import { buildTriageModel, draftReply, type LanguageModel, triage } from "@support/decisions";
import { localFileStore } from "@support/files";
import { createOutbound, OutboundNetworks } from "@support/outbound";
import pino from "pino";
import { storedChannelAdapters } from "../src/delivery/channel-adapters.js";
import { createReplyAdapterRegistry } from "../src/delivery/registry.js";
import { createLiveSignals } from "../src/files/live.js";
import { createRateLimiter } from "../src/intake/rate-limit.js";
import { embeddedKnowledge, searchKnowledge } from "../src/knowledge/index.js";
import { mailboxMailer } from "../src/mail/port.js";
import { type Actor, type Role, type ServiceContext, serviceContext } from "../src/service/context.js";
import { Counters } from "../src/service/metrics.js";
import type { Platform, Ports } from "../src/service/ports.js";

/**
 * The offline model as the product composes it (`@support/models`), rebuilt here from
 * `@support/decisions`: rules-and-classifier triage and the extractive drafter.
 */
export function offlineModel(): LanguageModel {
  return {
    name: "offline",
    async triage(request) {
      const model = buildTriageModel(request.categories);
      return {
        value: triage(request.message, model, { defaultLanguage: request.defaultLanguage }),
        usage: [],
        fallbackReason: null,
      };
    },
    async draft(request) {
      return { value: draftReply(request), usage: [], fallbackReason: null };
    },
  };
}

/** Real ports over a real database: embedded knowledge, stored channel adapters (sandbox), no Slack. */
export function testPorts(database: Database, overrides: Partial<Ports> = {}): Ports {
  const secrets = overrides.secrets ?? createSecretBox({ 1: randomBytes(32) }, 1);
  const knowledge = embeddedKnowledge(database);
  // The fakes these tests call listen on 127.0.0.1: the operator's allow-list, set explicitly.
  const outbound = overrides.outbound ?? createOutbound({ networks: OutboundNetworks.parse("127.0.0.0/8") });
  return {
    secrets,
    publicUrl: "http://127.0.0.1:3000",
    model: offlineModel(),
    retrieve: (input) => searchKnowledge(knowledge, input),
    knowledge,
    replies: createReplyAdapterRegistry(database, storedChannelAdapters(database, secrets, outbound)),
    outbound,
    notifier: { post: async () => undefined, postDailySummary: async () => undefined },
    retentionDays: 90,
    counters: new Counters(),
    logger: pino({ level: "silent" }),
    replayCache: createReplayCache(),
    rateLimiter: createRateLimiter(),
    wake: () => undefined,
    mail: mailboxMailer(database),
    files: { store: localFileStore(mkdtempSync(join(tmpdir(), "core-files-"))), maxBytes: 10 * 1024 * 1024 },
    live: createLiveSignals(),
    ...overrides,
  };
}

export function testPlatform(database: Database, overrides: Partial<Ports> = {}): Platform {
  return { db: database, ports: testPorts(database, overrides) };
}

/** A caller of the given role in the organization (an owner API key unless told otherwise). */
export function testContext(platform: Platform, orgId: string, role: Role = "owner", name = `key:test-${role}`) {
  const actor: Actor = { kind: "api_key", role, name };
  return serviceContext(platform, orgId, actor) satisfies ServiceContext;
}
