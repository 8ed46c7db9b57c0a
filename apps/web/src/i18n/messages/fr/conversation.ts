import type { conversation as en } from "../en/conversation.js";

export const conversation = {
  "conversation.loading": "Chargement de la conversation…",
  "conversation.noSubject": "(sans objet)",
  "conversation.status.open": "ouverte",
  "conversation.status.closed": "fermée",
  "conversation.thread": "Conversation",
  "conversation.direction.inbound": "du client",
  "conversation.direction.outbound": "réponse envoyée",
  "conversation.direction.internal": "note interne",
  "conversation.meta": "{direction} via {channel}",
  "conversation.drafts": "Brouillons",
  "conversation.noDraft": "Aucun brouillon pour l’instant.",
  "conversation.evidence":
    "{citations, plural, one {# citation} other {# citations}} · {passed} sur {gates, plural, one {# contrôle réussi} other {# contrôles réussis}}",
  "conversation.evidenceActions":
    "{citations, plural, one {# citation} other {# citations}} · {passed} sur {gates, plural, one {# contrôle réussi} other {# contrôles réussis}} · {actions, plural, one {# action proposée} other {# actions proposées}}",
  "conversation.attachments": "Pièces jointes",
  "conversation.attachment": "{name} ({kilobytes} Ko)",
  "conversation.attachmentLink": "{name} (lien)",
} satisfies Record<keyof typeof en, string>;
