import type { widget as en } from "../en/widget.js";

export const widget = {
  "widget.nav": "Widget",
  "widget.noApp": "<link>Créez une application</link> d’abord ; chaque application a son propre widget.",
  "widget.title": "Widget de chat",
  "widget.state.on": "Activé : le widget répond sur les origines autorisées ci-dessous.",
  "widget.state.off": "Désactivé : générez son secret pour l’activer.",
  "widget.snippet": "Code d’intégration (à coller dans les pages de votre produit)",
  "widget.form.label": "Réglages du widget",
  "widget.origins": "Origines autorisées (une par ligne, par ex. https://boutique.exemple)",
  "widget.plans": "Offre → niveau d’autonomie",
  "widget.plans.hint":
    "L’offre indiquée dans l’identité signée par votre serveur décide de ce que l’IA peut faire pour ce client.",
  "widget.plan": "Offre",
  "widget.tier": "Niveau",
  "widget.plan.add": "Ajouter une offre",
  "widget.plan.remove": "Retirer l’offre {plan}",
  "widget.defaultTier": "Autres offres et visiteurs anonymes",
  "widget.defaultTier.app": "Le niveau de l’application",
  "widget.tier.suggest": "Suggérer (une personne approuve)",
  "widget.tier.one_click": "En un clic",
  "widget.tier.auto_send": "Envoi automatique des réponses sans risque",
  "widget.responseTime": "« Une personne vous répondra sous … »",
  "widget.saved": "Enregistré.",
  "widget.secret.title": "Secret du widget",
  "widget.secret.set": "Un secret est défini ; votre serveur signe les identités avec.",
  "widget.secret.previous": "L’ancien secret reste valable jusqu’à la prochaine rotation.",
  "widget.secret.none": "Pas encore de secret.",
  "widget.secret.rotate": "Renouveler le secret du widget",
  "widget.secret.copyNow":
    "Copiez-le maintenant : il n’est affiché qu’une fois. Votre serveur signe les identités avec (signWidgetIdentity).",
  "widget.secret.new": "Nouveau secret du widget",
  "widget.preview.title": "Aperçu en direct",
  "widget.preview.open": "Ouvrir l’aperçu en direct",
  "widget.preview.needsOrigin":
    "L’aperçu s’ouvre à l’adresse de ce tableau de bord ({origin}) ; autorisez-la pour essayer le widget ici.",
  "widget.preview.allow": "Autoriser {origin}",
  "widget.preview.heading": "Aperçu du widget de {app}",
  "widget.preview.hint":
    "Le bouton est en bas à droite ; les messages envoyés ici sont de vraies conversations de l’application.",
} satisfies Record<keyof typeof en, string>;
