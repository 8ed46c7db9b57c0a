import type { frontPlugin as en } from "../en/frontPlugin.js";

export const frontPlugin = {
  "frontPlugin.nav": "Plugin Front",
  "frontPlugin.title": "Plugin de barre latérale Front",
  "frontPlugin.configured": "Un secret est défini (depuis le {date}).",
  "frontPlugin.notConfigured": "Pas encore de secret : générez-en un et enregistrez l’URL dans Front.",
  "frontPlugin.url": "URL du plugin (sans son secret)",
  "frontPlugin.rotate": "Générer un nouveau secret du plugin",
  "frontPlugin.rotated":
    "Copiez l’URL maintenant : elle contient le secret et n’est affichée qu’une fois. Enregistrez-la comme URL du plugin dans Front (Paramètres › Développeurs › votre plugin). L’ancien secret ne fonctionne plus.",
  "frontPlugin.newUrl": "URL du plugin à enregistrer dans Front",
  "frontPlugin.newSecret": "Nouveau secret du plugin",
  "frontPlugin.teammates": "Coéquipier Front → membre",
  "frontPlugin.teammates.hint":
    "Un coéquipier Front agit en tant que membre de même adresse e-mail, avec son rôle ; les autres ne voient rien.",
  "frontPlugin.email": "E-mail du coéquipier",
  "frontPlugin.member": "Membre",
  "frontPlugin.role": "Rôle",
} satisfies Record<keyof typeof en, string>;
