/**
 * Triage categories. An app configures its own; these defaults suit a SaaS or e-commerce product.
 * The examples train the offline classifier, so each category carries several phrasings and a few
 * languages. Risk feeds priority and autonomy: high-risk categories are never auto-sent by default.
 */

export type Risk = "low" | "medium" | "high";

export interface TriageCategory {
  name: string;
  description: string;
  examples: string[];
  risk: Risk;
  /**
   * Words, phrases or file extensions (".stl") that settle the category on their own, like the
   * built-in intent keywords; matched on folded text and attachment names.
   */
  signals?: string[];
}

export const DEFAULT_CATEGORIES: TriageCategory[] = [
  {
    name: "billing",
    description: "Invoices, charges, payment methods, plans and subscriptions.",
    risk: "medium",
    examples: [
      "I was charged twice this month",
      "Can you send me an invoice for my last payment?",
      "How do I update my credit card?",
      "My payment failed but I have enough money",
      "I want to upgrade my plan to the annual subscription",
      "Why did my subscription price go up?",
      "Please cancel my subscription before the next billing date",
      "J'ai été débité deux fois ce mois-ci",
      "Necesito una factura con el nombre de mi empresa",
      "Pouvez-vous m'envoyer la facture de mon dernier achat ?",
      "Mon paiement par carte a été refusé",
      "Quels moyens de paiement acceptez-vous ?",
      "Est-ce possible de régler en trois fois ?",
      "Afaka mandoa amin'ny MVola ve aho?",
      "Tsy lasa ny fandoavam-bolako",
      "Mila faktiora aho azafady",
    ],
  },
  {
    name: "refund",
    description: "Requests to get money back for a purchase or a charge.",
    risk: "high",
    examples: [
      "I want a refund for my order",
      "Please refund me, the product did not work",
      "Can I get my money back?",
      "I bought the wrong plan by mistake, can you refund it?",
      "When will I receive my refund?",
      "I returned the item two weeks ago and still no refund",
      "Je voudrais être remboursé",
      "Quiero que me devuelvan el dinero",
      "Remboursez-moi s'il vous plaît, l'article ne convient pas",
      "Quand vais-je recevoir mon remboursement ?",
      "Averino ny volako azafady",
      "Te haverina ny volako aho fa simba ilay entana",
    ],
  },
  {
    name: "account_access",
    description: "Logging in, passwords, two-factor authentication, locked or compromised accounts, email changes.",
    risk: "medium",
    examples: [
      "I can't log in to my account",
      "I forgot my password and the reset email never arrives",
      "My account is locked after too many attempts",
      "I lost my phone and can't get the two-factor code",
      "How do I change the email address on my account?",
      "I think someone hacked my account",
      "Please delete my account and my data",
      "Je n'arrive pas à me connecter",
      "Ich kann mich nicht anmelden, Passwort vergessen",
      "J'ai oublié mon mot de passe",
      "Comment modifier l'adresse e-mail de mon compte ?",
      "Mon compte est bloqué",
      "Tsy afaka miditra amin'ny kaontiko aho",
      "Hadinoko ny teny miafina",
    ],
  },
  {
    name: "technical_issue",
    description: "Something in the product is broken, slow or shows an error.",
    risk: "medium",
    examples: [
      "The app crashes when I open the dashboard",
      "I get an error 500 when I upload a file",
      "The page is stuck loading forever",
      "Export to PDF is not working since yesterday",
      "The video won't play, it just shows a black screen",
      "Sync stopped working on my phone",
      "L'application plante au démarrage",
      "La página da un error al guardar",
      "Le site affiche une erreur au moment de payer",
      "La vidéo ne se lance pas",
      "Tsy mandeha ilay application, misy olana",
    ],
  },
  {
    name: "how_to",
    description: "Questions about how to use a feature or where to find something.",
    risk: "low",
    examples: [
      "How do I invite a teammate?",
      "Where can I find my download links?",
      "Is there a way to export my data to CSV?",
      "How can I change the language of the interface?",
      "Can I use the app offline?",
      "What is the difference between the two plans' features?",
      "Comment ajouter un utilisateur ?",
      "Come posso cambiare la mia foto profilo?",
      "Comment activer cette option dans mon espace ?",
      "Où puis-je trouver mes documents ?",
      "À quelle heure ouvre votre magasin ?",
      "Ahoana no fomba hanovana ny adiresy?",
      "Aiza no ahitako ny antontan-taratasy?",
      "Amin'ny firy no misokatra ianareo?",
    ],
  },
  {
    name: "order_shipping",
    description: "Order status, delivery, tracking, returns and exchanges of physical goods.",
    risk: "low",
    examples: [
      "Where is my order?",
      "My package has not arrived yet",
      "Can you give me the tracking number?",
      "I received the wrong size, how do I exchange it?",
      "The parcel arrived damaged",
      "Can I change the delivery address of my order?",
      "Ma commande n'est toujours pas arrivée",
      "Onde está a minha encomenda?",
      "Quels sont les frais de port ?",
      "Vous expédiez à l'étranger ?",
      "En combien de jours arrive le colis ?",
      "Je veux échanger contre une autre taille",
      "Ohatrinona ny saran'ny fandefasana?",
      "Rahoviana no tonga ny entana?",
      "Tsy mbola tonga ny entana nalefanareo",
    ],
  },
  {
    name: "feedback",
    description: "Compliments, complaints without a request, and feature suggestions.",
    risk: "low",
    examples: [
      "I love the new design, great job",
      "It would be great if you added dark mode",
      "Just wanted to say your support team is amazing",
      "The new update is confusing, I preferred the old layout",
      "Feature request: let us schedule reports",
      "Merci pour votre super produit",
      "Bravo pour votre service, je suis ravie",
      "Tsara be ny entanareo, misaotra betsaka",
    ],
  },
  {
    name: "sales",
    description: "Pricing questions before buying, quotes, discounts, team or enterprise plans, partnerships.",
    risk: "low",
    examples: [
      "Do you offer discounts for students?",
      "We are a team of 50, can we get a quote?",
      "What does the enterprise plan include?",
      "Is there a free trial?",
      "Can I pay by bank transfer for a yearly license?",
      "Do you have a reseller or partner program?",
      "Quel est le prix pour une équipe de 10 personnes ?",
      "Avez-vous une réduction pour les étudiants ?",
      "Vous faites des devis pour les entreprises ?",
      "Combien coûte l'offre annuelle ?",
      "Ohatrinona ny vidin'ity entana ity?",
      "Manao tolo-bidy ve ianareo?",
    ],
  },
  {
    name: "spam",
    description: "Unsolicited marketing, SEO offers, scams and messages unrelated to the product.",
    risk: "low",
    examples: [
      "We can get your website to the first page of Google, reply for a free SEO audit",
      "Congratulations, you have won a prize, click here to claim",
      "Buy cheap followers and likes today",
      "I am a guest post writer, can I publish an article with a backlink on your blog?",
      "Invest in crypto and double your money in one week",
    ],
  },
  {
    name: "other",
    description: "Anything that fits no other category.",
    risk: "medium",
    examples: [
      "Hello",
      "I have a question",
      "Can you call me back?",
      "Is anyone there?",
      "I sent you a message last week",
      "Bonjour, j'ai une question",
      "Salama, manana fanontaniana aho",
    ],
  },
];

/** Classifier training rows from categories: every example labelled with its category's name. */
export function categoryExamples(categories: readonly TriageCategory[]): { text: string; label: string }[] {
  return categories.flatMap((c) => c.examples.map((text) => ({ text, label: c.name })));
}
