import type { members as en } from "../en/members.js";

export const members = {
  "members.title": "Membres",
  "members.invite.title": "Inviter un collègue",
  "members.invite.agent": "agent : valide les brouillons",
  "members.invite.admin": "administrateur : configure aussi les applications",
  "members.invite.owner": "propriétaire : gère aussi les clés d’API",
  "members.invite.submit": "Envoyer l’invitation",
  "members.invite.created":
    "Invitation créée pour {email}. Partagez ce lien : la personne s’inscrit avec cette adresse puis accepte.",
  "members.invite.link": "Lien d’invitation",
  "members.pending": "Invitations en attente",
  "members.anotherOrganization": "Une autre organisation",
} satisfies Record<keyof typeof en, string>;
