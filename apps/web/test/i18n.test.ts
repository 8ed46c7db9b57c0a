import { type MessageFormatElement, parse, TYPE } from "@formatjs/icu-messageformat-parser";
import { METRIC_DEFINITIONS } from "@support/core";
import { describe, expect, it } from "vitest";
import { browserLocale, initialLocale, LOCALES } from "../src/i18n/locales.js";
import { enAreas } from "../src/i18n/messages/en/index.js";
import { catalogues } from "../src/i18n/messages/index.js";
import { createTranslator } from "../src/i18n/translator.js";
import { frenchSpacing } from "../src/i18n/typography.js";
import { metricDefinition } from "../src/lib/analytics.js";
import { ApiError, NetworkError } from "../src/lib/api.js";
import { describeError } from "../src/lib/errors.js";
import type { MetricId } from "../src/lib/types.js";

const english = catalogues.en;
const ids = Object.keys(english).sort();

/** The arguments ({count}, {name}) and tags (<link>) a message uses, nested plural branches included. */
function placeholders(elements: MessageFormatElement[], found = new Set<string>()): Set<string> {
  for (const el of elements) {
    if (el.type === TYPE.literal || el.type === TYPE.pound) continue;
    found.add(el.type === TYPE.tag ? `<${el.value}>` : `{${el.value}}`);
    if (el.type === TYPE.tag) placeholders(el.children, found);
    if (el.type === TYPE.plural || el.type === TYPE.select) {
      for (const option of Object.values(el.options)) placeholders(option.value, found);
    }
  }
  return found;
}

describe("message catalogues", () => {
  it.each(LOCALES)("%s has exactly the English catalogue's ids", (locale) => {
    expect(Object.keys(catalogues[locale]).sort()).toEqual(ids);
  });

  it("keeps each area's ids under its own prefix, so areas never overwrite each other", () => {
    for (const [area, messages] of Object.entries(enAreas)) {
      for (const id of Object.keys(messages)) expect(id.startsWith(`${area}.`), `${id} in ${area}.ts`).toBe(true);
    }
  });

  it.each(LOCALES)("every %s message is valid ICU, with the same arguments and tags as in English", (locale) => {
    for (const [id, message] of Object.entries(catalogues[locale])) {
      expect(message.trim(), id).not.toBe("");
      const elements = parse(message, { requiresOtherClause: true });
      const expected = placeholders(parse(english[id as keyof typeof english]));
      expect([...placeholders(elements)].sort(), `${locale} ${id}`).toEqual([...expected].sort());
    }
  });

  it("formats plurals in both languages", () => {
    const values = { calls: 1, tokens: 2, duration: "3 ms" };
    expect(createTranslator("en")("draft.calls.totals", values)).toBe("1 call, 2 tokens, 3 ms");
    expect(createTranslator("fr")("draft.calls.totals", values)).toBe("1 appel, 2 jetons, 3 ms");
  });

  it("defines each metric as the API computes it (packages/core METRIC_DEFINITIONS)", () => {
    const t = createTranslator("en");
    for (const [metric, definition] of Object.entries(METRIC_DEFINITIONS)) {
      expect(metricDefinition(metric as MetricId, t)).toEqual(definition);
    }
  });
});

describe("French typography", () => {
  it("puts no-break spaces before high punctuation and inside guillemets", () => {
    expect(frenchSpacing({ a: "Statut : « ouvert » ? Oui ! 50 %" }).a).toBe(
      "Statut\u00a0: «\u00a0ouvert\u00a0»\u202f? Oui\u202f! 50\u202f%",
    );
  });
});

describe("the dashboard's language", () => {
  it("takes the user's choice, else the first of the browser's languages it speaks, else English", () => {
    expect(browserLocale(["fr-CA", "en-US"])).toBe("fr");
    expect(browserLocale(["de-DE", "fr-FR", "en"])).toBe("fr");
    expect(browserLocale(["en-GB", "fr-FR"])).toBe("en");
    expect(browserLocale(["de-DE"])).toBe("en");
    expect(browserLocale([])).toBe("en");
    expect(initialLocale("fr", ["en-US"])).toBe("fr");
    expect(initialLocale("de", ["fr-FR"])).toBe("fr");
    expect(initialLocale(null, ["en-US"])).toBe("en");
  });
});

describe("errors in words", () => {
  const fr = createTranslator("fr");
  it("translates the API's and better-auth's codes and keeps the API's detail", () => {
    expect(describeError(new ApiError(409, "conflict", "draft drf_1 was already approved"), fr)).toEqual({
      summary: "Quelqu’un l’a modifié avant vous\u00a0: rechargez pour voir l’état actuel.",
      detail: "draft drf_1 was already approved",
    });
    expect(describeError(new ApiError(401, "INVALID_EMAIL_OR_PASSWORD", "Invalid email or password"), fr)).toEqual({
      summary: "E-mail ou mot de passe incorrect.",
    });
    expect(describeError(new ApiError(418, "teapot", "I am a teapot"), fr)).toEqual({ summary: "I am a teapot" });
    expect(describeError(new NetworkError("Failed to fetch"), fr).summary).toMatch(/^Le serveur est injoignable/);
  });
});
