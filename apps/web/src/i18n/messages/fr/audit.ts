import type { audit as en } from "../en/audit.js";

export const audit = {
  "audit.title": "Journal d’audit",
  "audit.forAdmins": "Le journal d’audit est réservé aux administrateurs et aux propriétaires.",
  "audit.filter.label": "Filtrer le journal d’audit",
  "audit.filter.action": "Action",
  "audit.filter.allActions": "Toutes les actions",
  "audit.filter.actor": "Auteur",
  "audit.filter.anyone": "Tout le monde",
  "audit.filter.people": "Personnes",
  "audit.filter.keys": "Clés d’API",
  "audit.filter.system": "Système",
  "audit.filter.contains": "Contient",
  "audit.column.when": "Quand",
} satisfies Record<keyof typeof en, string>;
