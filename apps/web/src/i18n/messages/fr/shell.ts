import type { shell as en } from "../en/shell.js";

export const shell = {
  "shell.skip": "Aller au contenu",
  "shell.nav.label": "Principale",
  "shell.nav.queue": "File de validation",
  "shell.nav.apps": "Applications et canaux",
  "shell.nav.knowledge": "Connaissances",
  "shell.nav.autonomy": "Autonomie",
  "shell.nav.analytics": "Statistiques",
  "shell.nav.outbox": "Boîte d’envoi de test",
  "shell.nav.slack": "Slack",
  "shell.nav.audit": "Journal d’audit",
  "shell.nav.keys": "Clés d’API",
  "shell.nav.members": "Membres",
  "shell.live.live": "En direct",
  "shell.live.connecting": "Connexion…",
  "shell.live.offline": "Hors ligne",
  "shell.organization": "Organisation",
  "shell.newOrganization": "+ Nouvelle organisation…",
  "shell.language": "Langue",
  "shell.signOut": "Se déconnecter",
} satisfies Record<keyof typeof en, string>;
