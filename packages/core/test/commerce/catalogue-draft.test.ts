import { findDraftForMessage } from "@support/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importCatalogue } from "../../src/commerce/import.js";
import { OPERATOR } from "../../src/service/context.js";
import { draftOnMessage } from "../../src/workflows/draft-on-message.js";
import {
  debounceElapsed,
  messageReceived,
  openPipelineFixture,
  type PipelineFixture,
  seedConversation,
  seedTenant,
  testEngine,
} from "../workflows/pipeline-fixture.js";

const CATALOGUE = [
  "sku,title,title_mg,price,stock,synonyms",
  "RIZ-MAK-25,Riz makalioka 25 kg,Vary makalioka 25 kg,95000,40,",
  "HUI-5,Huile végétale 5 L,Menaka 5 L,42500,3,bidon d'huile",
].join("\n");

describe("drafts answered from the catalogue", () => {
  let fixture: PipelineFixture;
  let tenant: { orgId: string; appId: string };
  beforeAll(async () => {
    fixture = await openPipelineFixture();
    tenant = await seedTenant(fixture);
    const report = await importCatalogue(fixture.context(tenant.orgId, OPERATOR), tenant.appId, {
      name: "produits.csv",
      bytes: new TextEncoder().encode(CATALOGUE),
    });
    expect(report.applied).toBe(true);
  });
  afterAll(() => fixture.close());

  const draftFor = async (text: string) => {
    const { messages } = await seedConversation(fixture, tenant, [{ from: "customer", text }]);
    const message = messages[0];
    if (!message) throw new Error("seeded no message");
    await testEngine(draftOnMessage(fixture.inngest, fixture.platform)).execute({
      events: [messageReceived(tenant, message)],
      steps: debounceElapsed(),
    });
    return findDraftForMessage(fixture.runtime.database.db, tenant.orgId, message.id);
  };

  it("puts the catalogue's price and the total for the quantities into the draft", async () => {
    const draft = await draftFor("Bonjour, je voudrais 3 sacs de riz makalioka 25 kg et 2 bidons d'huile. Combien ?");
    expect(draft?.text).toBe(
      [
        "- Riz makalioka 25 kg : 95 000 Ar (3 × 95 000 Ar = 285 000 Ar)",
        "- Huile végétale 5 L : 42 500 Ar (2 × 42 500 Ar = 85 000 Ar) - plus que 3 en stock",
        "Total : 370 000 Ar",
      ].join("\n"),
    );
    expect(draft?.reason).toBe("prices from the catalogue: 3 × RIZ-MAK-25, 2 × HUI-5");
  });

  it("answers a Malagasy question in Malagasy with the Malagasy title", async () => {
    const draft = await draftFor("Salama, ohatrinona ny vary makalioka 25 kg azafady?");
    expect(draft?.text).toBe("- Vary makalioka 25 kg : 95 000 Ar");
  });

  it("leaves other questions to the usual drafting", async () => {
    const draft = await draftFor("Hi, how do I reset my password? I forgot it.");
    expect(draft?.text).toContain("Forgot password");
  });
});
