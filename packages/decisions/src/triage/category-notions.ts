import { notionIndex, SUPPORT_NOTIONS } from "../text/notions.js";

/**
 * The words of each support topic in English, French and Malagasy, beside the drafter's notions:
 * the classifier sees one feature per notion, so a category example in one language teaches the
 * others ("résilier" meets "cancel", "kaonty" meets "account"). Topics every shop or SaaS has, in
 * everyday customer vocabulary (including the payment means customers name: card, PayPal, mobile
 * money); nothing of one business.
 */
const CATEGORY_NOTIONS: readonly (readonly string[])[] = [
  ["facture", "factures", "invoice", "invoices", "receipt", "recu", "faktiora", "rosia"],
  ["compte", "account", "kaonty", "profil", "profile"],
  ["connexion", "connecter", "login", "signin", "log", "identifiant", "username", "miditra", "hiditra"],
  ["password", "passe", "miafina", "authentification", "authentication", "2fa", "otp", "verification"],
  ["commande", "commander", "order", "ordered", "orders", "kaomandy", "nanafatra", "mandidy"],
  ["colis", "parcel", "package", "entana", "fonosana", "suivi", "tracking", "track"],
  ["reduction", "remise", "promo", "coupon", "discount", "discounts", "rabais", "soldes", "fihenam", "fihenambidy"],
  ["essai", "trial", "demo", "demonstration", "fanandramana", "andrana"],
  ["devis", "quote", "quotation", "tolobidy", "tolo", "entreprise", "company", "companies", "team", "equipe", "groupe"],
  ["offre", "formule", "forfait", "tier", "pack"],
  ["carte", "card", "visa", "mastercard", "paypal", "virement", "transfer", "cheque", "mvola", "airtel", "karatra"],
  [
    "erreur",
    "error",
    "bug",
    "crash",
    "plante",
    "bloque",
    "stuck",
    "broken",
    "marche",
    "fonctionne",
    "olana",
    "mandeha",
  ],
  ["telecharger", "download", "downloads", "hors", "offline", "acces", "access", "mijery", "misintona"],
  [
    "donnees",
    "data",
    "rgpd",
    "gdpr",
    "confidentialite",
    "privacy",
    "supprimer",
    "delete",
    "effacer",
    "erase",
    "fafana",
  ],
  ["boutique", "magasin", "store", "shop", "showroom", "fivarotana", "toeram"],
  ["merci", "thanks", "bravo", "genial", "love", "misaotra", "tsara", "ravie", "satisfait", "happy"],
  ["cadeau", "gift", "voucher", "bon", "fanomezana"],
  ["taille", "size", "couleur", "color", "colour", "habeny", "loko"],
];

/** The stem of every word of the drafter's notions and the topics above, to its notion. */
export const TRIAGE_NOTIONS: ReadonlyMap<string, string> = notionIndex([...SUPPORT_NOTIONS, ...CATEGORY_NOTIONS]);
