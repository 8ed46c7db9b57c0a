import { procedureDefinitionSchema } from "@support/contract";
import {
  describeMissing,
  extractFields,
  interpretReply,
  missingItems,
  parseDimensions,
  quoteFromGrid,
  renderTemplate,
} from "@support/decisions";
import { describe, expect, it } from "vitest";
import { THREE_D_INTAKE } from "../../src/procedures/template-3d-intake.js";
import { RETURN_AUTHORISATION } from "../../src/procedures/template-return.js";

/** The step logic the runner composes, driven by the templates' data alone. */
const intake = procedureDefinitionSchema.parse(THREE_D_INTAKE);
const returns = procedureDefinitionSchema.parse(RETURN_AUTHORISATION);

describe("dimensions as customers write them", () => {
  it.each([
    ["1,20 m x 60 cm x 45 cm", [120, 60, 45]],
    ["environ 120x60x45cm", [120, 60, 45]],
    ["2 by 3 m", [200, 300]],
    ["40 cm sur 30 cm", [40, 30]],
    ["850 mm × 1.2 m", [85, 120]],
  ])("%s", (text, centimetres) => {
    expect(parseDimensions(text)?.centimetres).toEqual(centimetres);
  });
  it("ignores bare arithmetic and stays linear on long input", () => {
    expect(parseDimensions("3 x 4")).toBeNull();
    expect(parseDimensions(`${"1 x ".repeat(20_000)}`)).toBeNull();
  });
});

describe("the 3d-intake steps over a conversation", () => {
  const first = extractFields(intake.fields, { text: "Bonjour, je voudrais modéliser une chaise" });
  const fr = (groups: ReturnType<typeof missingItems>) => describeMissing(groups, "fr", intake.defaultLanguage);

  it("asks for exactly what is missing, in the customer's language", () => {
    const missing = missingItems(intake.checklist ?? [], intake.fields, first);
    expect(fr(missing)).toBe(
      "une photo de l'objet ou un plan de l'objet et ses dimensions (longueur x largeur x hauteur)",
    );
    expect(describeMissing(missing, "en", "fr")).toBe(
      "a photo of the object or a plan of the object and its dimensions (length x width x height)",
    );
    const message = renderTemplate(intake.templates.missing_information as Record<string, string>, "mg", "fr", {
      missing: describeMissing(missing, "mg", "fr"),
    });
    expect(message).toContain("sary iray amin'ilay zavatra na drafitr'ilay zavatra sy ny refiny");
  });

  it("a reply with a photo and the dimensions completes it, and the grid prices it in credits", () => {
    const reply = extractFields(
      intake.fields,
      {
        text: "Voici la photo, elle fait 1,20 m x 60 cm x 45 cm",
        attachments: [{ name: "chaise.jpg", contentType: "image/jpeg" }],
      },
      first,
    );
    expect(missingItems(intake.checklist ?? [], intake.fields, reply)).toEqual([]);
    const quote = quoteFromGrid(intake.quote?.rules ?? [], reply);
    expect(quote).toEqual({ kind: "priced", amount: 1, label: "simple object" });
    const text = renderTemplate(intake.templates.quote as Record<string, string>, "fr", "fr", {
      "quote.amount": "1",
      "quote.unit": "crédit",
      "fields.dimensions": reply.dimensions?.kind === "dimensions" ? reply.dimensions.value.text : "",
    });
    expect(text).toContain("Votre modélisation (1,20 m x 60 cm x 45 cm) coûte 1 crédit.");
  });

  it("prices a complex object at 2 and hands a special case to a person", () => {
    const complex = extractFields(intake.fields, { text: "une sculpture très détaillée" });
    expect(quoteFromGrid(intake.quote?.rules ?? [], complex)).toMatchObject({ kind: "priced", amount: 2 });
    const special = extractFields(intake.fields, { text: "un personnage articulé" });
    expect(quoteFromGrid(intake.quote?.rules ?? [], special)).toMatchObject({ kind: "handoff" });
  });

  it.each([
    ["Parfait, je valide", "accept"],
    ["Parfait, je valide le devis", "accept"],
    ["C'est bon pour moi, allez-y", "accept"],
    ["Sounds great, please go ahead", "accept"],
    ["trop cher, j'annule", "refuse"],
    ["Non merci, c'est trop cher pour moi", "refuse"],
    ["No thanks, too expensive", "refuse"],
    ["Combien de temps faut-il pour recevoir le fichier ?", "question"],
    ["Will the model include the cushions?", "question"],
  ])("reads %j as %s", (text, intent) => {
    expect(interpretReply(text).intent).toBe(intent);
  });

  it("reads a reply that brings new attachments or measures as more information", () => {
    expect(interpretReply("Voilà", { newFields: ["photo"] })).toMatchObject({ intent: "more_info" });
  });
});

describe("a second procedure, as data only", () => {
  it("runs the same steps on a return authorisation", () => {
    const asked = extractFields(returns.fields, { text: "My parcel arrived and the mug is broken" });
    expect(describeMissing(missingItems(returns.checklist ?? [], returns.fields, asked), "en", "en")).toBe(
      "a photo of the item",
    );
    const complete = extractFields(
      returns.fields,
      { text: "here it is", attachments: [{ name: "mug.png", contentType: "image/png" }] },
      asked,
    );
    expect(missingItems(returns.checklist ?? [], returns.fields, complete)).toEqual([]);
    expect(quoteFromGrid(returns.quote?.rules ?? [], complete)).toEqual({
      kind: "priced",
      amount: 0,
      label: "no fee: damaged on arrival",
    });
  });
});
