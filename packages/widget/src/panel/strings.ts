/** The panel's texts in the platform's three languages; the host page's `locale` picks one (English otherwise). */
const en = {
  title: "Support",
  close: "Close the chat",
  intro: "Ask us anything. We usually answer here.",
  emailLabel: "Your email, so we can answer you",
  emailSave: "Continue",
  messageLabel: "Your message",
  send: "Send",
  suggestions: "These articles may answer your question",
  answered: "This answered my question",
  thanks: "Glad it helped! The conversation is closed; write again any time.",
  aiWritten: "Written by our AI assistant",
  person: "Talk to a person",
  personAsked: "A person will answer here",
  within: "A person will answer within {time}.",
  drafting: "Writing an answer…",
  reviewing: "A teammate is checking the answer…",
  helpful: "Helpful",
  unhelpful: "Not helpful",
  rated: "Thanks for your feedback",
  you: "You",
  team: "Support team",
  error: "Something went wrong. Please try again.",
  offline: "Reconnecting…",
};

export type Strings = typeof en;

const fr: Strings = {
  title: "Assistance",
  close: "Fermer la discussion",
  intro: "Posez-nous votre question. Nous répondons d'habitude ici.",
  emailLabel: "Votre e-mail, pour pouvoir vous répondre",
  emailSave: "Continuer",
  messageLabel: "Votre message",
  send: "Envoyer",
  suggestions: "Ces articles répondent peut-être à votre question",
  answered: "Cela a répondu à ma question",
  thanks: "Tant mieux ! La conversation est close ; écrivez-nous quand vous voulez.",
  aiWritten: "Rédigé par notre assistant IA",
  person: "Parler à une personne",
  personAsked: "Une personne va vous répondre ici",
  within: "Une personne vous répondra sous {time}.",
  drafting: "Rédaction d'une réponse…",
  reviewing: "Un membre de l'équipe vérifie la réponse…",
  helpful: "Utile",
  unhelpful: "Pas utile",
  rated: "Merci pour votre avis",
  you: "Vous",
  team: "Équipe d'assistance",
  error: "Un problème est survenu. Veuillez réessayer.",
  offline: "Reconnexion…",
};

const mg: Strings = {
  title: "Fanampiana",
  close: "Hidio ny resaka",
  intro: "Apetraho aminay ny fanontanianao. Eto no mamaly matetika izahay.",
  emailLabel: "Ny mailakao, hahafahanay mamaly anao",
  emailSave: "Tohizo",
  messageLabel: "Ny hafatrao",
  send: "Alefa",
  suggestions: "Mety hamaly ny fanontanianao ireto lahatsoratra ireto",
  answered: "Nahavaly ny fanontaniako izany",
  thanks: "Faly izahay! Mihidy ny resaka; manorata indray rehefa tianao.",
  aiWritten: "Nosoratan'ny mpanampy AI-nay",
  person: "Hiresaka amin'olona",
  personAsked: "Hisy olona hamaly anao eto",
  within: "Hisy olona hamaly anao ao anatin'ny {time}.",
  drafting: "Manoratra valiny…",
  reviewing: "Misy mpiara-miasa manamarina ny valiny…",
  helpful: "Nanampy",
  unhelpful: "Tsy nanampy",
  rated: "Misaotra tamin'ny hevitrao",
  you: "Ianao",
  team: "Ekipa fanampiana",
  error: "Nisy olana. Andramo indray azafady.",
  offline: "Mifandray indray…",
};

const ALL: Record<string, Strings> = { en, fr, mg };

export function stringsFor(locale: string): Strings {
  return ALL[locale] ?? en;
}
