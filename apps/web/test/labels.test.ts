import { describe, expect, it } from "vitest";
import { createTranslator } from "../src/i18n/translator.js";
import { actionFamilies, filterAudit } from "../src/lib/audit-filter.js";
import { slugify } from "../src/lib/auth-client.js";
import { autonomySettings } from "../src/lib/autonomy-form.js";
import { CHANNEL_FIELDS, channelChange } from "../src/lib/channel-fields.js";
import { describeActor, summarizeDecision } from "../src/lib/decision.js";
import { progressLabel } from "../src/lib/knowledge.js";
import { roleAtLeast } from "../src/lib/roles.js";
import type { AuditEntry } from "../src/lib/types.js";
import { modelCalls, usageTotals } from "../src/lib/usage.js";

const t = createTranslator("en");
const fr = createTranslator("fr");

describe("trust decision in words", () => {
  it("explains a held draft by its failed checks, and mentions shadow mode", () => {
    const draft = {
      status: "pending_approval" as const,
      decision: {
        autoSend: false,
        wouldAutoSend: true,
        checks: [
          { condition: "tier", passed: false, detail: "autonomy tier one_click never auto-sends" },
          { condition: "gates", passed: true, detail: "all gates passed" },
        ],
      },
    };
    const summary = summarizeDecision(draft, t);
    expect(summary.tone).toBe("held");
    expect(summary.headline).toBe(
      "Held for a human because autonomy tier one_click never auto-sends. Shadow mode: it would have been auto-sent.",
    );
    expect(summary.passed).toEqual(["all gates passed"]);
    expect(summarizeDecision(draft, fr).headline).toBe(
      "Retenu pour une personne, car autonomy tier one_click never auto-sends. Mode fantôme\u00a0: il aurait été envoyé automatiquement.",
    );
  });

  it("says an auto-sent draft passed every check", () => {
    expect(summarizeDecision({ status: "auto_sent", decision: { autoSend: true, checks: [] } }, t).tone).toBe("sent");
  });

  it("names actors for people", () => {
    expect(describeActor("user:usr_1", t)).toBe("a teammate (usr_1)");
    expect(describeActor("key:key_1", t)).toBe("API key key_1");
    expect(describeActor(null, t)).toBe("nobody yet");
    expect(describeActor("user:usr_1", fr)).toBe("un collègue (usr_1)");
  });
});

describe("forms", () => {
  it("sends only the channel fields that were filled in, trimmed (blank secrets keep stored ones)", () => {
    const change = channelChange(
      { baseUrl: " https://x.zendesk.com ", agentEmail: "", webhookSecret: "s3cret", apiToken: "  " },
      CHANNEL_FIELDS.zendesk ?? { settings: [], secrets: [] },
    );
    expect(change).toEqual({ settings: { baseUrl: "https://x.zendesk.com" }, secrets: { webhookSecret: "s3cret" } });
  });

  it("turns the autonomy form into settings", () => {
    expect(
      autonomySettings(
        {
          autonomyTier: "auto_send",
          trustThreshold: "0.9",
          confidenceFloor: "0.7",
          minOutcomes: "20.4",
          neverAutoSend: "refund, legal ,,",
        },
        true,
      ),
    ).toEqual({
      autonomyTier: "auto_send",
      trustThreshold: 0.9,
      confidenceFloor: 0.7,
      minOutcomes: 20,
      neverAutoSend: ["refund", "legal"],
      shadowMode: true,
    });
    expect(t.percent(0.456)).toBe("46%");
    expect(fr.percent(0.456).replace(/\s/g, " ")).toBe("46 %");
    expect(t.percent(null)).toBe("n/a");
  });

  it("slugifies organization names", () => {
    expect(slugify("  Ada Corp & Söhne!  ")).toBe("ada-corp-sohne");
  });
});

describe("roles, knowledge progress and audit filters", () => {
  it("orders roles like the API", () => {
    expect(roleAtLeast("owner", "admin")).toBe(true);
    expect(roleAtLeast("agent", "admin")).toBe(false);
    expect(roleAtLeast(null, "agent")).toBe(false);
  });

  it("labels source progress", () => {
    expect(progressLabel({ status: "processing", progress: { done: 3, total: 12 }, error: null }, t)).toBe(
      "processing: 3 / 12 chunks (25%)",
    );
    expect(progressLabel({ status: "ready", progress: { done: 12, total: 12 }, error: null }, t)).toBe(
      "ready (12 chunks)",
    );
    expect(progressLabel({ status: "ready", progress: { done: 1, total: 1 }, error: null }, t)).toBe("ready (1 chunk)");
    expect(progressLabel({ status: "error", progress: { done: 0, total: 0 }, error: "404 at the URL" }, t)).toBe(
      "failed: 404 at the URL",
    );
    const french = progressLabel({ status: "processing", progress: { done: 3, total: 12 }, error: null }, fr);
    expect(french.replace(/\s/g, " ")).toBe("en cours de traitement : 3 / 12 segments (25 %)");
  });

  it("filters the audit log by action family, actor kind and text", () => {
    const entry = (id: string, action: string, actor: string, subject: string): AuditEntry => ({
      id,
      action,
      actor,
      subject,
      data: {},
      traceId: null,
      createdAt: "2026-01-01T00:00:00Z",
    });
    const entries = [
      entry("1", "draft.approved", "user:usr_1", "drf_1"),
      entry("2", "app.created", "key:key_1", "app_1"),
      entry("3", "draft.created", "system", "drf_2"),
    ];
    expect(actionFamilies(entries)).toEqual(["app", "draft"]);
    expect(filterAudit(entries, { action: "draft" }).map((e) => e.id)).toEqual(["1", "3"]);
    expect(filterAudit(entries, { actor: "user:" }).map((e) => e.id)).toEqual(["1"]);
    expect(filterAudit(entries, { text: "DRF_2" }).map((e) => e.id)).toEqual(["3"]);
  });
});

describe("model calls of a run", () => {
  it("reads recorded usage and totals tokens, time and cost", () => {
    const calls = modelCalls([
      { provider: "offline", model: "triage-nb", inputTokens: 10, outputTokens: 2, durationMs: 3, costUsd: null },
      { provider: "anthropic", model: "claude", inputTokens: 100, outputTokens: 50, durationMs: 900, costUsd: 0.002 },
      { provider: "x" },
    ]);
    expect(calls[2]).toEqual({
      provider: "x",
      model: "unknown",
      inputTokens: 0,
      outputTokens: 0,
      durationMs: 0,
      costUsd: null,
    });
    expect(usageTotals(calls)).toEqual({ calls: 3, tokens: 162, durationMs: 903, costUsd: 0.002 });
    expect(usageTotals([]).costUsd).toBeNull();
  });
});
