import type { autonomy as en } from "../en/autonomy.js";

export const autonomy = {
  "autonomy.title": "Autonomie",
  "autonomy.noApp": "<link>Créez une application</link> pour régler ce qu’elle peut envoyer seule.",
  "autonomy.form.label": "Réglages d’autonomie",
  "autonomy.form.legend": "Autonomie de {name}",
  "autonomy.form.tier": "Niveau",
  "autonomy.tier.suggest": "suggestion : brouillons seulement",
  "autonomy.tier.one_click": "un clic : une personne approuve",
  "autonomy.tier.auto_send": "envoi automatique : là où la confiance est acquise",
  "autonomy.form.trustThreshold": "Seuil de confiance (0–1)",
  "autonomy.form.confidenceFloor": "Confiance minimale du tri (0–1)",
  "autonomy.form.minOutcomes": "Nombre minimal de résultats avant de faire confiance à une catégorie",
  "autonomy.form.neverAutoSend":
    "Jamais d’envoi automatique (catégories, intentions ou signalements, séparés par des virgules)",
  "autonomy.form.shadow":
    "Mode fantôme : décider sans jamais envoyer automatiquement, pour mesurer d’abord la précision",
  "autonomy.form.save": "Enregistrer l’autonomie",
  "autonomy.trust.title": "Confiance par catégorie",
  "autonomy.trust.empty":
    "Aucun résultat pour l’instant : la confiance grandit à mesure que des personnes approuvent des brouillons sans les modifier.",
  "autonomy.trust.caption":
    "Confiance par catégorie (atténuée, demi-vie de 30 jours) ; la ligne est le seuil d’envoi automatique.",
  "autonomy.trust.trust": "Confiance",
  "autonomy.trust.samples": "Échantillons",
  "autonomy.threshold": "seuil",
  "autonomy.history.title": "Confiance dans le temps",
  "autonomy.history.empty":
    "Aucun résultat ces 90 derniers jours : le graphique se remplit à mesure que des personnes décident des brouillons.",
  "autonomy.history.chart": "Confiance par catégorie, jour par jour",
  "autonomy.history.series": "{category} ({outcomes, plural, one {# résultat} other {# résultats}})",
  "autonomy.history.hint":
    "Chaque point est la confiance atténuée (demi-vie de 30 jours) à la fin de ce jour, calculée sur les résultats enregistrés jusque-là ; l’envoi automatique exige aussi {minOutcomes, plural, one {# résultat} other {# résultats}} dans la catégorie.",
  "autonomy.shadow.title": "Rapport du mode fantôme",
  "autonomy.shadow.decided": "Décidés",
  "autonomy.shadow.wouldAutoSend": "Auraient été envoyés",
  "autonomy.shadow.precision": "Précision",
  "autonomy.shadow.coverage": "Couverture",
} satisfies Record<keyof typeof en, string>;
