import type { auth as en } from "../en/auth.js";

export const auth = {
  "auth.signIn.title": "Connexion à Support",
  "auth.signUp.title": "Créer votre compte",
  "auth.invited":
    "Vous avez été invité dans une organisation : inscrivez-vous ou connectez-vous avec l’e-mail invité pour la rejoindre.",
  "auth.signIn": "Se connecter",
  "auth.signUp": "S’inscrire",
  "auth.haveAccount": "Vous avez déjà un compte ?",
  "auth.newHere": "Première visite ?",
  "auth.createAccount": "Créer un compte",
  "auth.welcome": "Bienvenue, {name}",
  "auth.openInvitationHint":
    "Invité par un collègue ? Ouvrez le lien d’invitation qu’il vous a transmis en étant connecté avec l’e-mail invité.",
  "auth.yourOrganizations": "Vos organisations",
  "auth.openOrganization": "Ouvrir {name}",
  "auth.createOrganization.title": "Créer une organisation",
  "auth.createOrganization.hint":
    "Une organisation regroupe vos applications, canaux, connaissances et collègues. Vous en serez le propriétaire.",
  "auth.organizationName": "Nom de l’organisation",
  "auth.createOrganization": "Créer l’organisation",
  "auth.invitation.title": "Invitation",
  "auth.invitation.text": "{organization} invite {email} en tant que {role}.",
  "auth.invitation.someOrganization": "Une organisation",
  "auth.invitation.accept": "Accepter l’invitation",
  "auth.invitation.notNow": "Plus tard",
} satisfies Record<keyof typeof en, string>;
