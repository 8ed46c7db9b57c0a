import { type GateResult, gateResult } from "./gate.js";

/**
 * Nothing of the machinery may reach a customer: model self-talk, tool errors, template debris,
 * routing vocabulary or notes meant for the agent.
 */
const PATTERNS: [kind: string, pattern: RegExp][] = [
  [
    "meta-commentary",
    /\b(as an ai|as a(n ai)? language model|i am an ai|i'm an ai|i am a bot|i'm a bot|as an assistant,? i|my training data|knowledge cutoff|en tant qu'(ia|intelligence artificielle)|como (una )?ia\b|als (eine )?ki\b|come (una )?ia\b)/i,
  ],
  [
    "draft framing",
    /\b(here is (a|the|your) (draft|reply|response)|here's (a|the) (draft|reply)|draft reply:|this draft)\b/i,
  ],
  [
    "tool error",
    /\b(tool (error|call|use)|function call|traceback|stack trace|exception:|error: [a-z]+_[a-z_]+|econnrefused)\b/i,
  ],
  [
    "template debris",
    /\{\{[^}]*\}\}|\[object Object\]|\bundefined\b|\bNaN\b|<\/?(passage|context|system|tool)[^>]*>|\[\[[^\]]*\]\]/,
  ],
  [
    "routing words",
    /\b(escalat(e|ed|ing) to (tier|level|l[1-3])|route[ds]? to|assign(ed)? to (the )?(queue|team|tier)|triage[ds]?\b|category: ?\w+|confidence: ?\d|priority: ?(low|normal|high|urgent)|needs ?human|intent: ?\w+)/i,
  ],
  [
    "note to the agent",
    /(^|\n)\s*(note to (the )?agent|internal note|agent note|\(internal\))|\b(system prompt|passage id|retrieved passages?|knowledge base says|according to (the )?(passage|context))\b/i,
  ],
  // French self-talk and machinery words ("En tant qu'assistant IA, d'après les passages fournis").
  [
    "meta-commentary",
    /\b(en tant qu['’](assistant|IA|intelligence artificielle)|en tant que (mod[eè]le de langage|robot|bot|chatbot)|je suis (une IA|un assistant (virtuel|IA)|un (robot|bot|chatbot)|un mod[eè]le de langage)|mes donn[ée]es d['’]entra[iî]nement)/i,
  ],
  [
    "note to the agent",
    /\b(d['’]apr[eè]s|selon) (les|ces) (passages?|extraits?|documents? fournis)|\b(les|des|aux) passages (fournis|r[ée]cup[ée]r[ée]s)|\b(selon|d['’]apr[eè]s) le contexte( fourni)?\b|\bla base de connaissances? (indique|dit|pr[ée]cise)|(^|\n)\s*(note interne|note pour l['’]agent)/i,
  ],
  // Malagasy: "amin'ny maha IA ahy" (as an AI), "araka ny andalana nomena" (according to the given passages).
  [
    "meta-commentary",
    /\b(amin['’]ny maha[- ](IA|mpanampy|robot|milina)( ahy)?|(IA|robot|milina) aho\b|izaho dia (IA|robot|milina))/i,
  ],
  [
    "note to the agent",
    /\baraka ny (andalana|lahatsoratra|fampahalalana|antontan-taratasy) (nomena|natolotra|voaray)|\bny andalana nomena\b/i,
  ],
  // Case-sensitive, with a colon: "todo" is Spanish and Portuguese for "all".
  ["note to the agent", /\b(TODO|FIXME|XXX):/],
];

export function internalStateGate(text: string): GateResult {
  const findings = PATTERNS.flatMap(([kind, pattern]) => {
    const match = text.match(pattern);
    return match ? [`${kind}: "${match[0].trim()}"`] : [];
  });
  return gateResult("internal_state", findings, (f) => `the reply exposes internal state (${f.join("; ")})`);
}
