import type { triage as en } from "../en/triage.js";

export const triage = {
  "triage.field.category": "catégorie",
  "triage.field.intent": "intention",
  "triage.field.priority": "priorité",
  "triage.field.language": "langue",
  "triage.field.sentiment": "ressenti",
  "triage.field.spam": "spam",
  "triage.field.needsHuman": "demande une personne",
  "triage.field.confidence": "confiance",
  "triage.field.automated": "automatique",
  "triage.field.flags": "signalements",
  "triage.sentiment.negative": "négatif",
  "triage.sentiment.neutral": "neutre",
  "triage.sentiment.positive": "positif",
  "triage.automated.auto_reply": "réponse automatique",
  "triage.automated.bounce": "message non distribué",
  "triage.flag.angry_customer": "client mécontent",
  "triage.flag.legal": "juridique",
  "triage.flag.security": "sécurité",
} satisfies Record<keyof typeof en, string>;
