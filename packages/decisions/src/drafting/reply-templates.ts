import type { Language } from "../text/language.js";

/**
 * Greetings and closings of the offline drafter, per language and tone. A "formal" tone gets the
 * formal forms; any other tone (friendly, casual ...) the warm ones.
 */

interface Template {
  greeting: (name: string | null, formal: boolean) => string;
  closing: (formal: boolean) => string;
  signOff: (formal: boolean) => string;
  /** Introduces a fact from the customer's account in the product app. */
  accountFact: (fact: string) => string;
}

const named = (word: string, name: string | null) => (name ? `${word} ${name},` : `${word},`);

const TEMPLATES: Record<Language, Template> = {
  en: {
    greeting: (name, formal) => named(formal ? "Hello" : "Hi", name),
    closing: (formal) =>
      formal
        ? "Please let us know if you need anything else."
        : "I hope this helps. Just reply if anything is unclear!",
    signOff: (formal) => (formal ? "Kind regards," : "Best,"),
    accountFact: (fact) => `On your account: ${fact}`,
  },
  fr: {
    greeting: (name) => named("Bonjour", name),
    closing: (formal) =>
      formal
        ? "N'hésitez pas à nous écrire si vous avez besoin d'autre chose."
        : "J'espère que cela vous aide. Répondez simplement si quelque chose n'est pas clair !",
    signOff: (formal) => (formal ? "Cordialement," : "Belle journée,"),
    accountFact: (fact) => `Sur votre compte : ${fact}`,
  },
  es: {
    greeting: (name, formal) => named(formal ? "Buenos días" : "Hola", name),
    closing: (formal) =>
      formal
        ? "Quedamos a su disposición para cualquier otra consulta."
        : "Espero que te ayude. ¡Responde si algo no queda claro!",
    signOff: (formal) => (formal ? "Atentamente," : "Un saludo,"),
    accountFact: (fact) => `En su cuenta: ${fact}`,
  },
  de: {
    greeting: (name, formal) => named(formal ? "Guten Tag" : "Hallo", name),
    closing: (formal) =>
      formal
        ? "Bitte melden Sie sich, wenn Sie weitere Fragen haben."
        : "Ich hoffe, das hilft dir weiter. Antworte einfach, wenn etwas unklar ist!",
    signOff: (formal) => (formal ? "Mit freundlichen Grüßen," : "Viele Grüße,"),
    accountFact: (fact) => `In Ihrem Konto: ${fact}`,
  },
  pt: {
    greeting: (name, formal) => named(formal ? "Bom dia" : "Olá", name),
    closing: (formal) =>
      formal
        ? "Ficamos à disposição para qualquer outra questão."
        : "Espero que isso ajude. É só responder se algo não estiver claro!",
    signOff: (formal) => (formal ? "Atenciosamente," : "Abraços,"),
    accountFact: (fact) => `Na sua conta: ${fact}`,
  },
  it: {
    greeting: (name, formal) => named(formal ? "Buongiorno" : "Ciao", name),
    closing: (formal) =>
      formal
        ? "Restiamo a disposizione per qualsiasi altra domanda."
        : "Spero che questo ti aiuti. Rispondi pure se qualcosa non è chiaro!",
    signOff: (formal) => (formal ? "Cordiali saluti," : "A presto,"),
    accountFact: (fact) => `Sul suo account: ${fact}`,
  },
  mg: {
    greeting: (name, formal) => named(formal ? "Manao ahoana" : "Salama", name),
    closing: () => "Aza misalasala manoratra aminay raha mila fanazavana fanampiny ianao.",
    signOff: () => "Misaotra,",
    accountFact: (fact) => `Ao amin'ny kaontinao: ${fact}`,
  },
};

export function replyFrame(language: string, tone: string) {
  const template = TEMPLATES[(language in TEMPLATES ? language : "en") as Language];
  const formal = tone === "formal";
  return {
    greeting: (name: string | null) => template.greeting(name, formal),
    closing: template.closing(formal),
    signOff: template.signOff(formal),
    accountFact: template.accountFact,
  };
}

/** Who signs, in the reply's language: "The Acme team", "L'équipe Acme", "Ny ekipan'i Acme" ... */
const TEAM_SIGNATURES: Record<Language, (app: string) => string> = {
  en: (app) => `The ${app} team`,
  fr: (app) => `L'équipe ${app}`,
  es: (app) => `El equipo de ${app}`,
  de: (app) => `Ihr ${app}-Team`,
  pt: (app) => `A equipe ${app}`,
  it: (app) => `Il team di ${app}`,
  mg: (app) => `Ny ekipan'i ${app}`,
};

export function teamSignature(language: string, app: string): string {
  return TEAM_SIGNATURES[(language in TEAM_SIGNATURES ? language : "en") as Language](app);
}
