import { procedureDefinitionSchema } from "@support/contract";
import { describe, expect, it } from "vitest";
import { simulateProcedure, type TranscriptMessage } from "../../src/procedures/shadow.js";
import { THREE_D_INTAKE } from "../../src/procedures/template-3d-intake.js";
import { RETURN_AUTHORISATION } from "../../src/procedures/template-return.js";

const intake = procedureDefinitionSchema.parse(THREE_D_INTAKE);
const customer = { email: "ada@example.com" };
const photoReply: TranscriptMessage = {
  text: "Voici la photo. Dimensions : 1,20 m x 60 cm x 45 cm",
  attachments: [{ name: "chaise.jpg", contentType: "image/jpeg" }],
};
const run = (...messages: TranscriptMessage[]) => simulateProcedure(intake, { customer, messages });
const outputs = (r: ReturnType<typeof run>, kind: string) =>
  r.steps.filter((s) => s.kind === kind).map((s) => s.output);

describe("the 3d-intake procedure in shadow mode", () => {
  it("asks for the photo and the dimensions, then waits", () => {
    const r = run({ text: "Bonjour, je voudrais modéliser une chaise" });
    expect(r).toMatchObject({ outcome: "waiting", language: "fr", conversationStatus: null });
    const [ask] = outputs(r, "checklist");
    expect(ask?.wouldSend).toContain(
      "il nous manque : une photo de l'objet ou un plan de l'objet et ses dimensions (longueur x largeur x hauteur).",
    );
  });

  it("quotes in credits once the reply brings them, and on acceptance: validated, one task, confirmation, admin", () => {
    const r = run({ text: "Bonjour, je voudrais modéliser une chaise" }, photoReply, { text: "Parfait, je valide" });
    expect(r).toMatchObject({ outcome: "finished", conversationStatus: "validated" });
    expect(outputs(r, "quote")[0]?.wouldSend).toContain("Votre modélisation (1,20 m x 60 cm x 45 cm) coûte 1 crédit.");
    expect(outputs(r, "interpret_reply")[0]).toMatchObject({ intent: "accept", next: "validated" });
    expect(outputs(r, "create_task")).toEqual([{ wouldCreateTask: "Demande ada@example.com" }]);
    expect(outputs(r, "message")[0]?.wouldSend).toContain("votre devis est validé");
    expect(outputs(r, "notify")[0]?.wouldNotify).toBe("Devis validé par ada@example.com : 1 crédit (simple object).");
    expect(r.steps.map((s) => s.step)).toEqual([
      "extract",
      "complete",
      "complete",
      "quote",
      "quoted",
      "decision",
      "validated",
      "task",
      "confirm",
      "tell_admin",
    ]);
  });

  it("closes as refused on 'trop cher, j'annule', and hands a question to a person", () => {
    const refused = run({ text: "je voudrais modéliser une chaise" }, photoReply, { text: "trop cher, j'annule" });
    expect(refused).toMatchObject({ outcome: "finished", conversationStatus: "refused" });
    expect(outputs(refused, "create_task")).toEqual([]);
    const asked = run({ text: "je voudrais modéliser une chaise" }, photoReply, {
      text: "Combien de temps faut-il pour recevoir le fichier ?",
    });
    expect(asked).toMatchObject({ outcome: "handed_off", conversationStatus: "quoted" });
    expect(outputs(asked, "handoff")).toEqual([{ handoff: "the customer has a question about the quote" }]);
  });

  it("hands a case the grid does not price to a person, telling the customer", () => {
    const r = run({
      text: "Je voudrais modéliser un personnage articulé, 30 cm x 10 cm x 10 cm",
      attachments: [{ name: "robot.png", contentType: "image/png" }],
    });
    expect(r.outcome).toBe("handed_off");
    expect(outputs(r, "quote")[0]?.wouldSend).toContain("demande une étude particulière");
  });

  it("answers in English to an English customer", () => {
    const r = run({ text: "Hello, I would like a 3D model of my chair please" });
    expect(outputs(r, "checklist")[0]?.wouldSend).toContain("we still need: a photo of the object or a plan");
  });
});

describe("the return authorisation, a second procedure as data", () => {
  it("runs to a warehouse task and a validated status", () => {
    const r = simulateProcedure(procedureDefinitionSchema.parse(RETURN_AUTHORISATION), {
      customer: { email: "bob@example.com" },
      messages: [
        { text: "The mug arrived broken, I want to return it" },
        { text: "Here is a picture", attachments: [{ name: "mug.png", contentType: "image/png" }] },
        { text: "Yes please, go ahead" },
      ],
    });
    expect(r).toMatchObject({ outcome: "finished", conversationStatus: "validated", language: "en" });
    expect(outputs(r, "quote")[0]?.wouldSend).toContain("The return costs 0 euros (no fee: damaged on arrival)");
    expect(outputs(r, "create_task")).toEqual([{ wouldCreateTask: "Return bob@example.com" }]);
  });
});
