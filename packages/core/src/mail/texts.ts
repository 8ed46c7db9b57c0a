/** The platform's emails to people, in the dashboard's languages (English, French). */
export type MailLanguage = "en" | "fr";

/** The reader's language from the request that caused the mail (the browser's), else English. */
export function mailLanguage(acceptLanguage: string | null | undefined): MailLanguage {
  return /^\s*fr\b/i.test(acceptLanguage ?? "") ? "fr" : "en";
}

export function passwordResetMail(language: MailLanguage, url: string) {
  return language === "fr"
    ? {
        subject: "Réinitialiser votre mot de passe",
        text: `Bonjour,\n\nPour choisir un nouveau mot de passe, ouvrez ce lien (valable une heure) :\n${url}\n\nSi vous n’avez rien demandé, ignorez ce message : votre mot de passe ne change pas.`,
      }
    : {
        subject: "Reset your password",
        text: `Hello,\n\nTo choose a new password, open this link (valid for one hour):\n${url}\n\nIf you did not ask for this, ignore this message: your password stays as it is.`,
      };
}

export function passwordSetMail(language: MailLanguage, organization: string, url: string) {
  return language === "fr"
    ? {
        subject: `Votre accès à ${organization}`,
        text: `Bonjour,\n\nVous êtes propriétaire de l’organisation ${organization}. Choisissez votre mot de passe avec ce lien (valable 24 heures), puis connectez-vous :\n${url}`,
      }
    : {
        subject: `Your access to ${organization}`,
        text: `Hello,\n\nYou are the owner of the organization ${organization}. Choose your password with this link (valid for 24 hours), then sign in:\n${url}`,
      };
}

export function invitationMail(
  language: MailLanguage,
  input: { organization: string; inviter: string; role: string; url: string },
) {
  return language === "fr"
    ? {
        subject: `Invitation à rejoindre ${input.organization}`,
        text: `Bonjour,\n\n${input.inviter} vous invite à rejoindre ${input.organization} (rôle : ${input.role}). Ouvrez ce lien, connectez-vous ou créez un compte avec cette adresse, puis acceptez :\n${input.url}`,
      }
    : {
        subject: `Invitation to join ${input.organization}`,
        text: `Hello,\n\n${input.inviter} invites you to join ${input.organization} (role: ${input.role}). Open this link, sign in or create an account with this address, then accept:\n${input.url}`,
      };
}

/** A procedure's "tell the team" step, mailed to the address its definition names. */
export function procedureTeamMail(
  language: MailLanguage,
  input: {
    procedure: string;
    customer: string;
    text: string;
    conversationId: string;
    override: { category: string; declared: string } | null;
  },
) {
  if (language === "fr") {
    const alert = input.override
      ? `ALERTE : le formulaire indiquait « ${input.override.declared} » mais la demande a été classée « ${input.override.category} ». Vérifiez la classification.\n\n`
      : "";
    return {
      subject: `${input.override ? "[Alerte classification] " : ""}${input.procedure} : ${input.customer}`,
      text: `Bonjour,\n\n${alert}${input.text}\n\nConversation : ${input.conversationId}`,
    };
  }
  const alert = input.override
    ? `ALERT: the form declared "${input.override.declared}" but the request was classified "${input.override.category}". Check the classification.\n\n`
    : "";
  return {
    subject: `${input.override ? "[Classification alert] " : ""}${input.procedure}: ${input.customer}`,
    text: `Hello,\n\n${alert}${input.text}\n\nConversation: ${input.conversationId}`,
  };
}

const QUOTA_NAMES = {
  en: { aiDrafts: "AI drafts", seats: "seats", apps: "apps", knowledgePages: "knowledge pages", channels: "channels" },
  fr: {
    aiDrafts: "brouillons IA",
    seats: "places",
    apps: "applications",
    knowledgePages: "pages de connaissances",
    channels: "canaux",
  },
} as const;

/** The owners' warning when a quota passes 80 % or reaches 100 % of the plan (ADR 0133). */
export function quotaWarningMail(
  language: MailLanguage,
  input: { plan: string; quota: keyof (typeof QUOTA_NAMES)["en"]; threshold: number; used: number; limit: number },
) {
  const name = QUOTA_NAMES[language][input.quota];
  const reached = input.threshold >= 100;
  return language === "fr"
    ? {
        subject: reached ? `Quota atteint : ${name}` : `${input.threshold} % du quota utilisé : ${name}`,
        text: `Bonjour,\n\nVotre organisation utilise ${input.used} ${name} sur ${input.limit} de l’offre ${input.plan} pour cette période.${reached ? " Le quota est atteint." : ""}\n\nChangez d’offre depuis la page Facturation du tableau de bord, ou libérez-en.`,
      }
    : {
        subject: reached ? `Quota reached: ${name}` : `${input.threshold}% of your quota used: ${name}`,
        text: `Hello,\n\nYour organization uses ${input.used} of the ${input.limit} ${name} of the ${input.plan} plan this period.${reached ? " The quota is reached." : ""}\n\nChange the plan on the dashboard's Billing page, or free some up.`,
      };
}
