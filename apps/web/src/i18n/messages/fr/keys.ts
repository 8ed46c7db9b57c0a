import type { keys as en } from "../en/keys.js";

export const keys = {
  "keys.title": "Clés d’API",
  "keys.ownersOnly": "Seuls les propriétaires gèrent les clés d’API.",
  "keys.create.label": "Créer une clé d’API",
  "keys.create.submit": "Créer la clé",
  "keys.copyNow": "Copiez cette clé maintenant : elle ne sera plus affichée.",
  "keys.newKey": "Nouvelle clé d’API",
  "keys.column.prefix": "Préfixe",
  "keys.column.state": "État",
  "keys.state.revoked": "révoquée",
  "keys.state.active": "active",
  "keys.revoke": "Révoquer",
  "keys.revokeLabel": "Révoquer {name}",
} satisfies Record<keyof typeof en, string>;
