import type { outbox as en } from "../en/outbox.js";

export const outbox = {
  "outbox.title": "Boîte d’envoi de test",
  "outbox.empty.title": "Rien n’a encore été envoyé",
  "outbox.empty.body":
    "Les réponses approuvées sur des canaux sans identifiants arrivent ici au lieu d’atteindre les clients. Approuvez un brouillon dans la <link>file de validation</link>.",
  "outbox.unknownRecipient": "destinataire inconnu",
} satisfies Record<keyof typeof en, string>;
