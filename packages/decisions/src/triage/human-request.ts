import type { Language } from "../text/language.js";
import { foldText } from "../text/text.js";

/**
 * "Talk to a human" in every supported language. A customer who asks for a person gets one at
 * once, so these patterns prefer recall: they match on folded text (no accents, lowercase).
 */
const EN_PEOPLE =
  "human|humans|person|people|agent|someone|somebody|representative|rep|operator|staff|manager|supervisor|advisor|adviser|member of (your )?(staff|team)|customer service|support team";
const FR_PEOPLE =
  "humain|humaine|personne|conseiller|conseillere|quelqu ?un|agent|operateur|operatrice|responsable|interlocuteur|interlocutrice|vendeur|vendeuse|service client|employe|employee|membre de (votre|l) equipe";
const MG_PEOPLE = "olona|olombelona|mpiasa|tompon ?andraikitra|mpitantana";

/**
 * In English, French and Malagasy a request for a person is one of four shapes: a verb of
 * talking or reaching followed closely by a word for a person ("parler à un conseiller",
 * "miresaka amin'ny mpiasa"), wanting one ("I need a human", "mila olona"), refusing the bot
 * ("pas un robot", "tsy robot"), or asking to be called ("rappelez-moi", "antsoy aho").
 */
const PATTERNS: [Language, RegExp][] = [
  [
    "en",
    new RegExp(
      `\\b(talk|speak|chat|connect me|put me through|transfer me|pass me|hand me over|get me|escalate (this|it|me))\\b.{0,20}\\b(${EN_PEOPLE})\\b`,
    ),
  ],
  [
    "en",
    /\b(need|want|like|prefer|give me|can i have|can i get|could i have|could i get) (a|an|to) (real |live |actual )?(human|person|agent|representative|operator|manager|supervisor)\b/,
  ],
  [
    "en",
    /\b(real|live|actual) (human|person|people|agent|one)\b|\bhuman (agent|being|support|please)\b|\b(not|don t|no|stop)\b.{0,20}\b(bots?|robots?|chatbots?|(a|an) (machine|ai))\b|\b(person|someone|somebody|human|agent)\b.{0,15}\b(talk|speak|chat) (to|with)\b/,
  ],
  [
    "en",
    /\b(call|phone|ring) me( back)?\b|\bgive me a (call|ring)\b|\b(someone|somebody|anyone|a person|you) (call|phone|ring) me\b|\bcall ?back\b/,
  ],
  [
    "fr",
    new RegExp(
      `\\b(parler|discuter|echanger|communiquer|joindre|contacter|passez[- ]moi|transferer|mettre en (relation|contact)|mettez[- ]moi en (relation|contact)|etre mise? en (relation|contact))\\b.{0,20}\\b(${FR_PEOPLE})\\b`,
    ),
  ],
  [
    "fr",
    /\b(un|une|a un|a une|d un|d une) (vraie? |veritable )?(conseiller|conseillere|humain|humaine|operateur|operatrice)\b|\b(vraie personne|etre humain|personne reelle|personne physique)\b|\bquelqu ?un (au telephone|en ligne|de (votre|la|l) (equipe|boutique|service|societe|magasin))\b/,
  ],
  ["fr", /\b(pas|plus|marre)\b.{0,20}\b(robot|bot|chatbot|(avec|a) une (machine|ia)|intelligence artificielle)\b/],
  [
    "fr",
    /\b(rappelez|appelez|telephonez|contactez)[- ]moi\b|\bm(e)? (rappeler|rappelle|rappelez|appeler|appelle|appelez|telephoner)\b|\b(rappel|appel) telephonique\b/,
  ],
  ["es", /\b(hablar|conversar|comunicarme)\b.{0,20}\b(humano|persona|agente|alguien|operador|asesor)\b/],
  ["es", /\b(persona real|ser humano)\b/],
  ["de", /\b(mensch|menschen|person|mitarbeiter|mitarbeiterin|jemandem|berater)\b.{0,30}\b(sprechen|reden)\b/],
  ["de", /\b(sprechen|reden)\b.{0,30}\b(mensch|menschen|person|mitarbeiter|jemandem)\b|\becht(en|er|e)? mensch/],
  ["pt", /\b(falar|conversar)\b.{0,20}\b(humano|pessoa|atendente|alguem|agente|operador)\b/],
  ["pt", /\b(pessoa real|ser humano)\b/],
  ["it", /\b(parlare|chattare)\b.{0,20}\b(umano|persona|operatore|operatrice|qualcuno|agente)\b/],
  ["it", /\b(persona reale|essere umano)\b/],
  [
    "mg",
    new RegExp(
      `\\b((mila|te|tiako|mba) )?(miresaka|hiresaka|mifandray|hifandray|mahita|hahita|miantso|hiantso|resaka)\\b.{0,25}\\b(${MG_PEOPLE})\\b`,
    ),
  ],
  ["mg", new RegExp(`\\b(mila|te|tiako|mba)\\b.{0,15}\\b(${MG_PEOPLE})\\b`)],
  ["mg", /\bolona (tena izy|marina|velona)\b|\btsy\b.{0,20}\b(robot|milina|masinina)\b/],
  ["mg", /\b(antsoy|antsoina|antsovy|miantso|hiantso) (ahy|aho)\b/],
];

/** The request for a person, and the rest of the (folded) message, which says what it is about. */
export function detectHumanRequest(text: string): { language: Language; phrase: string; rest: string } | null {
  const folded = foldText(text).replace(/['’]/g, " ");
  for (const [language, pattern] of PATTERNS) {
    const match = folded.match(pattern);
    if (match) return { language, phrase: match[0], rest: folded.replace(match[0], " ") };
  }
  return null;
}
