import type { account as en } from "../en/account.js";

export const account = {
  "account.forgot": "Mot de passe oublié ?",
  "account.forgot.title": "Réinitialiser votre mot de passe",
  "account.forgot.hint":
    "Saisissez l’e-mail avec lequel vous vous connectez : nous envoyons un lien pour choisir un nouveau mot de passe.",
  "account.forgot.submit": "Envoyer le lien",
  "account.forgot.sent":
    "Si un compte utilise cette adresse, un lien pour choisir un nouveau mot de passe arrive. Il est valable une heure.",
  "account.backToSignIn": "Retour à la connexion",
  "account.reset.title": "Choisir un nouveau mot de passe",
  "account.reset.password": "Nouveau mot de passe",
  "account.reset.hint": "Au moins 10 caractères.",
  "account.reset.submit": "Enregistrer le nouveau mot de passe",
  "account.reset.done": "Votre mot de passe est changé : connectez-vous avec lui.",
  "account.reset.invalid": "Ce lien est invalide, déjà utilisé ou expiré : demandez-en un nouveau.",
  "account.mailbox.title": "E-mails aux personnes",
  "account.mailbox.hint":
    "Sans serveur de messagerie configuré (SMTP_URL), les e-mails que la plateforme envoie aux personnes (invitations, alertes de quota) sont gardés ici.",
  "account.mailbox.empty": "Aucun e-mail pour l’instant.",
  "account.mailbox.to": "À {recipient}",
  "account.rights.title": "Données du client",
  "account.rights.export": "Exporter tout ce que nous détenons sur ce client (JSON)",
  "account.rights.erase": "Effacer ce client",
  "account.rights.confirmHint":
    "Ses contacts, conversations, messages, brouillons et réponses apprises sont supprimés définitivement.",
  "account.rights.confirmErase": "Confirmer l’effacement",
  "account.quotaExceeded":
    "La limite de votre offre est atteinte : changez d’offre sur la page Abonnement, ou supprimez-en.",
} satisfies Record<keyof typeof en, string>;
