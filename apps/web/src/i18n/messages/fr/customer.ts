import type { customer as en } from "../en/customer.js";

export const customer = {
  "customer.title": "Client",
  "customer.phone": "Téléphone",
  "customer.appData.title": "Dans l’application produit",
  "customer.appData.account": "Compte {id}",
  "customer.appData.unreadable": "Le compte n’a pas pu être lu.",
  "customer.appData.noAccount": "Aucun compte dans l’application.",
  "customer.appData.purchases": "Achats",
  "customer.appData.purchase": "{product} : {amount} le {date}, {status}",
  "customer.appData.subscriptions": "Abonnements",
  "customer.appData.failures": "Appels en échec",
} satisfies Record<keyof typeof en, string>;
