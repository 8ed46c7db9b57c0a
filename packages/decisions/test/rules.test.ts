import { describe, expect, it } from "vitest";
import { detectAutomated } from "../src/triage/automated-messages.js";
import { detectHumanRequest } from "../src/triage/human-request.js";
import { matchIntents, riskSignals, sentimentOf, spamSignal } from "../src/triage/signals.js";

describe("detectHumanRequest", () => {
  it.each([
    ["en", "Can I please talk to a real human?"],
    ["en", "I want to speak with an agent now"],
    ["fr", "Je voudrais parler à quelqu'un, pas à un robot"],
    ["fr", "Passez-moi un conseiller, je veux parler à un conseiller"],
    ["es", "Quiero hablar con una persona, por favor"],
    ["de", "Ich möchte mit einem Menschen sprechen"],
    ["de", "Kann ich bitte mit einem Mitarbeiter sprechen?"],
    ["pt", "Quero falar com um atendente humano"],
    ["it", "Vorrei parlare con un operatore"],
    ["mg", "Te hiresaka amin'olona aho azafady"],
    ["mg", "Mila olona tena izy aho"],
  ])("hears it in %s: %s", (language, text) => {
    expect(detectHumanRequest(text)?.language).toBe(language);
  });

  it.each([
    "How do I add a person to my team?",
    "Je veux parler de ma facture",
    "Mi persona de contacto cambió de correo",
  ])("does not hear it in %s", (text) => {
    expect(detectHumanRequest(text)).toBeNull();
  });
});

describe("detectAutomated", () => {
  it("trusts the Auto-Submitted and Precedence headers", () => {
    expect(detectAutomated({ text: "Hi", headers: { "Auto-Submitted": "auto-replied" } })?.kind).toBe("auto_reply");
    expect(detectAutomated({ text: "Hi", headers: { "auto-submitted": "no" } })).toBeNull();
    expect(detectAutomated({ text: "Hi", headers: { Precedence: "bulk" } })?.kind).toBe("auto_reply");
  });

  it("recognises bounces by sender and subject", () => {
    expect(detectAutomated({ text: "x", from: "MAILER-DAEMON@mx.example.com" })?.kind).toBe("bounce");
    expect(detectAutomated({ text: "x", subject: "Undeliverable: your ticket" })?.kind).toBe("bounce");
  });

  it("recognises out-of-office replies in several languages", () => {
    expect(detectAutomated({ text: "x", subject: "Automatic reply: Order 123" })?.kind).toBe("auto_reply");
    expect(detectAutomated({ text: "Je suis absent du bureau jusqu'au 3 janvier." })?.kind).toBe("auto_reply");
    expect(detectAutomated({ text: "Ich bin bis Montag abwesend." })?.kind).toBe("auto_reply");
    expect(detectAutomated({ text: "x", from: "no-reply@shop.example" })?.kind).toBe("auto_reply");
  });

  it("leaves a customer who mentions an office alone", () => {
    expect(
      detectAutomated({ text: "I work from the office and the app is slow there", from: "ann@example.com" }),
    ).toBeNull();
  });
});

describe("signals", () => {
  it("matches intent keywords across languages", () => {
    expect(matchIntents("J'ai oublié mon mot de passe").map((r) => r.intent)).toEqual(["password_reset"]);
    expect(matchIntents("I would like a refund please").map((r) => r.intent)).toEqual(["refund_request"]);
    expect(matchIntents("Where is my order #123?").map((r) => r.intent)).toEqual(["order_status"]);
  });

  it("spots spam by wording or by a pile of links", () => {
    expect(spamSignal("We sell backlinks for your site")).toBe("backlinks");
    expect(spamSignal("see http://a http://b http://c http://d")).toBe("4 links");
    expect(spamSignal("My invoice link https://x.example does not open")).toBeNull();
  });

  it("reads sentiment, shouting included", () => {
    expect(sentimentOf("This is unacceptable, worst service ever")).toBe("negative");
    expect(sentimentOf("WHY IS MY ORDER STILL NOT HERE!!")).toBe("negative");
    expect(sentimentOf("Thanks a lot, great product")).toBe("positive");
    expect(sentimentOf("How do I change my email?")).toBe("neutral");
  });

  it("flags urgency and legal or security threats", () => {
    expect(riskSignals("Please fix this ASAP").urgent).toBe("asap");
    expect(riskSignals("I will call my lawyer").legal).toBe("lawyer");
    expect(riskSignals("Mon compte a été piraté, c'est une fraude").security).toBe("fraude");
    expect(riskSignals("Quand est-ce que ça arrive ?")).toEqual({ urgent: null, legal: null, security: null });
  });
});
