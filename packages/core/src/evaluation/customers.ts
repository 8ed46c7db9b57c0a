import type { AnswerQuestion } from "@support/decisions";

/**
 * Who asks each question: the label's customer, or a made-up one, every name different, so a
 * reply that carries another customer's name is a leak and nothing else.
 */
const FIRST = [
  "Camille",
  "Oliver",
  "Hery",
  "Louise",
  "Amelia",
  "Fanja",
  "Mathis",
  "Noah",
  "Tiana",
  "Chloé",
  "Harry",
  "Lova",
  "Inès",
  "Jack",
  "Mialy",
  "Hugo",
  "Grace",
  "Rindra",
  "Léa",
  "Ethan",
  "Voahangy",
  "Jules",
  "Ava",
  "Naina",
];
const LAST = [
  "Marchand",
  "Whitfield",
  "Rakotomalala",
  "Girard",
  "Pemberton",
  "Randrianarisoa",
  "Lefebvre",
  "Ashworth",
  "Andriamanana",
  "Rousseau",
  "Kensington",
  "Razafindrakoto",
  "Fontaine",
  "Holloway",
  "Rasolofonirina",
  "Chevalier",
  "Blackwood",
  "Ramanantsoa",
  "Mercier",
  "Fairbanks",
  "Rabearivelo",
  "Perrin",
  "Lockhart",
  "Rajaonarison",
];

export function customersOf(questions: readonly AnswerQuestion[]): { name: string; email: string }[] {
  return questions.map((q, i) => {
    const round = Math.floor(i / FIRST.length);
    const first = FIRST[i % FIRST.length] as string;
    const last = LAST[(i + round) % LAST.length] as string;
    const name = q.customer?.name ?? (round === 0 ? `${first} ${last}` : `${first} ${last} ${round + 1}`);
    const email = q.customer?.email ?? `customer${i + 1}@example.com`;
    return { name, email };
  });
}
