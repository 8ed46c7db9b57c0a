import type { Language } from "../text/language.js";
import { foldText } from "../text/text.js";

/**
 * "Talk to a human" in every supported language. A customer who asks for a person gets one at
 * once, so these patterns prefer recall: they match on folded text (no accents, lowercase).
 */
const PATTERNS: [Language, RegExp][] = [
  [
    "en",
    /\b(talk|speak|chat|connect me|put me through)\b.{0,20}\b(human|person|agent|someone|somebody|representative|operator|real people|staff)\b/,
  ],
  ["en", /\b(real|live|actual) (human|person|agent)\b|\bhuman (agent|being|support)\b|\bnot a (bot|robot|machine)\b/],
  [
    "fr",
    /\b(parler|discuter|echanger)\b.{0,20}\b(humain|personne|conseiller|conseillere|quelqu ?un|agent|operateur|operatrice)\b/,
  ],
  ["fr", /\b(vraie personne|etre humain|un humain)\b|\bpas (un|a un) (robot|bot)\b/],
  ["es", /\b(hablar|conversar|comunicarme)\b.{0,20}\b(humano|persona|agente|alguien|operador|asesor)\b/],
  ["es", /\b(persona real|ser humano)\b/],
  ["de", /\b(mensch|menschen|person|mitarbeiter|mitarbeiterin|jemandem|berater)\b.{0,30}\b(sprechen|reden)\b/],
  ["de", /\b(sprechen|reden)\b.{0,30}\b(mensch|menschen|person|mitarbeiter|jemandem)\b|\becht(en|er|e)? mensch/],
  ["pt", /\b(falar|conversar)\b.{0,20}\b(humano|pessoa|atendente|alguem|agente|operador)\b/],
  ["pt", /\b(pessoa real|ser humano)\b/],
  ["it", /\b(parlare|chattare)\b.{0,20}\b(umano|persona|operatore|operatrice|qualcuno|agente)\b/],
  ["it", /\b(persona reale|essere umano)\b/],
  ["mg", /\b(miresaka|hiresaka|mifandray|hifandray|mahita)\b.{0,25}\b(olona|olombelona|mpiasa)\b/],
  ["mg", /\bolona (tena izy|marina)\b/],
  [
    "fr",
    /\b(mettez|mettre)[- ]moi en (relation|contact) avec\b|\b(un|une|a un|a une) (conseiller|conseillere|humain)\b/,
  ],
  ["mg", /\bmila (olona|mpiasa)\b|\b(te|tiako) (hiresaka|hifandray) amin ?(ny )?olona\b/],
];

export function detectHumanRequest(text: string): { language: Language; phrase: string } | null {
  const folded = foldText(text).replace(/['’]/g, " ");
  for (const [language, pattern] of PATTERNS) {
    const match = folded.match(pattern);
    if (match) return { language, phrase: match[0] };
  }
  return null;
}
