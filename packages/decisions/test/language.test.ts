import { describe, expect, it } from "vitest";
import { detectLanguage } from "../src/text/language.js";

describe("detectLanguage", () => {
  it.each([
    ["en", "Hello, I can't find the invoice for my last order, can you help me?"],
    ["fr", "Bonjour, je n'arrive pas à trouver la facture de ma dernière commande."],
    ["es", "Hola, no encuentro la factura de mi último pedido, ¿me pueden ayudar?"],
    ["de", "Hallo, ich kann die Rechnung für meine letzte Bestellung nicht finden."],
    ["pt", "Olá, não consigo encontrar a fatura do meu último pedido, podem me ajudar?"],
    ["it", "Ciao, non riesco a trovare la fattura del mio ultimo ordine, mi potete aiutare?"],
    ["mg", "Salama tompoko, tsy hitako ny faktiora amin'ny kaomandy farany nataoko, azafady."],
  ])("recognises %s", (language, text) => {
    const detected = detectLanguage(text);
    expect(detected.language).toBe(language);
    expect(detected.confidence).toBeGreaterThan(0.4);
  });

  it("says so when nothing points at a language", () => {
    expect(detectLanguage("12345 #### ???")).toEqual({ language: null, confidence: 0 });
  });
});
