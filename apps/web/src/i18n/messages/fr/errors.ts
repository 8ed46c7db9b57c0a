import type { errors as en } from "../en/errors.js";

export const errors = {
  "errors.network": "Le serveur est injoignable. Vérifiez la connexion et réessayez.",
  "errors.unexpected": "Une erreur est survenue.",
  "errors.invalid_input": "Une partie de la saisie n’est pas valide.",
  "errors.unauthorized": "Vous êtes déconnecté ou n’avez pas le droit de faire ceci.",
  "errors.invalid_signature": "La signature n’est pas valide.",
  "errors.forbidden": "Votre rôle ne le permet pas.",
  "errors.not_found": "Introuvable : l’élément a peut-être été supprimé.",
  "errors.conflict": "Quelqu’un l’a modifié avant vous : rechargez pour voir l’état actuel.",
  "errors.payload_too_large": "C’est trop volumineux pour être envoyé.",
  "errors.unsupported_media_type": "Ce type de fichier n’est pas pris en charge.",
  "errors.rate_limited": "Trop de requêtes : patientez un instant et réessayez.",
  "errors.internal": "Le serveur a échoué. Indiquez l’identifiant de requête en le signalant.",
  "errors.auth.invalidCredentials": "E-mail ou mot de passe incorrect.",
  "errors.auth.userExists": "Un compte existe déjà avec cet e-mail : connectez-vous.",
  "errors.auth.passwordTooShort": "Le mot de passe est trop court : au moins 10 caractères.",
  "errors.auth.invalidEmail": "Cette adresse e-mail n’est pas valide.",
  "errors.auth.invitationNotFound": "Cette invitation n’existe pas, a expiré ou a déjà été utilisée.",
  "errors.auth.alreadyMember": "Vous êtes déjà membre de cette organisation.",
} satisfies Record<keyof typeof en, string>;
