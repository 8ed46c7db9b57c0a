import type { leads as en } from "../en/leads.js";

export const leads = {
  "leads.nav": "Prospects",
  "leads.title": "Prospects",
  "leads.stage.new": "Nouveau",
  "leads.stage.qualified": "Qualifié",
  "leads.stage.quoted": "Devis envoyé",
  "leads.stage.won": "Gagné",
  "leads.stage.lost": "Perdu",
  "leads.filter.owner": "Responsable",
  "leads.filter.anyOwner": "Tous les responsables",
  "leads.filter.text": "Nom, téléphone ou notes",
  "leads.export": "Exporter en CSV",
  "leads.noValue": "pas encore de montant",
  "leads.ownedBy": "suivi par {owner}",
  "leads.conversation": "conversation",
  "leads.edit": "Mettre à jour {name}",
  "leads.stage": "Étape",
  "leads.value": "Montant ({currency})",
  "leads.owner": "Suivi par",
  "leads.notes": "Notes",
} satisfies Record<keyof typeof en, string>;
