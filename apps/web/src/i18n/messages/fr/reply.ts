/** La réponse d'une personne sur une conversation : le champ de réponse, la prise en main, les envois. */
export const reply = {
  "reply.title": "Répondre en personne",
  "reply.label": "Votre réponse (envoyée sur {channel})",
  "reply.send": "Envoyer la réponse",
  "reply.sending": "Envoi…",
  "reply.takeOver": "Prendre la main",
  "reply.release": "Rendre la main à l'IA",
  "reply.takenOver": "Prise en main par {actor} : l'IA ne rédige rien ici.",
  "reply.withAi": "L'IA rédige les réponses de cette conversation.",
  "reply.deliveries": "Envois",
  "reply.resend": "Renvoyer",
  "reply.sandbox": "bac à sable",
  "reply.delivery.queued": "En attente",
  "reply.delivery.sent": "Envoyé",
  "reply.delivery.delivered": "Remis",
  "reply.delivery.read": "Lu",
  "reply.delivery.failed": "Échec",
} as const;
