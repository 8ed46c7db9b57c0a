import type { analytics as en } from "../en/analytics.js";

export const analytics = {
  "analytics.title": "Statistiques",
  "analytics.noApp":
    "<link>Créez une application</link> et connectez un canal : les statistiques commencent avec la première conversation.",
  "analytics.totals": "Totaux de la période",
  "analytics.conversations": "Conversations",
  "analytics.nothingYet":
    "Rien sur cette période pour l’instant : connectez un canal ou envoyez un message de test depuis <link>Applications et canaux</link>.",
  "analytics.volumeByChannel": "Volume par canal",
  "analytics.conversationsByChannel": "Conversations par canal",
  "analytics.volumeByCategory": "Volume par catégorie",
  "analytics.conversationsByCategory": "Conversations par catégorie",
  "analytics.times": "Délais de réponse et de résolution",
  "analytics.timesChart": "Délai moyen avant la première réponse et avant la résolution",
  "analytics.rates": "Approbation, envoi automatique et résolution sans intervention",
  "analytics.ratesChart": "Taux en pourcentage",
  "analytics.edits": "Taux de modification",
  "analytics.editsChart": "Brouillons approuvés selon l’ampleur des modifications, en pourcentage",
  "analytics.edit.unchanged": "inchangés",
  "analytics.edit.edited": "modifiés",
  "analytics.edit.rewritten": "réécrits",
  "analytics.period": "Période",
  "analytics.range.legend": "Période",
  "analytics.range.last": "{days} derniers jours",
  "analytics.range.custom": "Personnalisée",
  "analytics.range.from": "Du",
  "analytics.range.to": "Au",
  "analytics.range.per": "Par",
  "analytics.range.day": "jour",
  "analytics.range.week": "semaine",
  "analytics.range.bothDays": "Choisissez les deux jours.",
  "analytics.range.order": "Le premier jour ne doit pas être après le dernier.",
  "analytics.range.tooLong": "Choisissez au plus {max} jours.",
  "analytics.metric.volume": "Volume",
  "analytics.metric.volume.definition":
    "Conversations commencées dans la période, par canal d’arrivée et par la catégorie que le tri a donnée au premier message client pour lequel un brouillon a été rédigé (« uncategorized » quand aucun brouillon n’a été fait).",
  "analytics.metric.firstResponse": "Délai de première réponse",
  "analytics.metric.firstResponse.definition":
    "Temps entre le premier message client d’une conversation et la première réponse envoyée au client ensuite (un brouillon envoyé ou la réponse d’un collègue dans le canal), en moyenne sur les conversations commencées dans la période qui ont reçu une réponse.",
  "analytics.metric.resolution": "Délai de résolution",
  "analytics.metric.resolution.definition":
    "Une conversation est résolue quand elle a été fermée, ou quand le dernier message est notre réponse et que le client est silencieux depuis 72 heures. Délai de résolution = la fermeture (ou cette dernière réponse) moins le premier message client, en moyenne sur les conversations commencées dans la période et résolues.",
  "analytics.metric.approvalRate": "Taux d’approbation",
  "analytics.metric.approvalRate.definition":
    "Parmi les brouillons créés dans la période et décidés par une personne (approuvés, rejetés ou transmis), la part approuvée et envoyée, modifiée ou non.",
  "analytics.metric.editRate": "Taux de modification",
  "analytics.metric.editRate.definition":
    "Parmi les brouillons approuvés et envoyés par une personne, l’ampleur des changements, d’après l’écart avec le brouillon : inchangé (plus de 95 % des mots conservés), modifié (plus de 50 %), réécrit (le reste).",
  "analytics.metric.autoSendRate": "Taux d’envoi automatique",
  "analytics.metric.autoSendRate.definition":
    "Parmi les brouillons créés dans la période, la part envoyée par la politique d’autonomie sans intervention humaine.",
  "analytics.metric.deflection": "Résolution sans intervention",
  "analytics.metric.deflection.definition":
    "Parmi les conversations commencées dans la période qui ont reçu une réponse, la part traitée sans qu’une personne n’écrive ni ne modifie rien : chaque réponse était un brouillon envoyé tel quel (automatiquement, ou approuvé sans changement) et aucun collègue n’a répondu dans le canal. Les conversations que le client a closes depuis un article suggéré dans le widget de chat (« cela a répondu à ma question ») comptent comme traitées sans intervention.",
  "analytics.metric.csat": "Satisfaction client (CSAT)",
  "analytics.metric.csat.definition":
    "Les réponses que le client a notées, à la date de sa dernière note dans la période : par les liens de notation sous les réponses (de 1 à 5, ou pouce) et les pouces du widget de chat, un pouce levé comptant 5 et un pouce baissé 1. La moyenne est sur 5 ; une note positive vaut 4 ou 5 (ou un pouce levé). Une réponse notée à nouveau compte une fois, avec sa dernière note.",
  "analytics.csat": "Satisfaction client",
  "analytics.csatChart": "Part des notes positives par période",
  "analytics.csatPositive": "Notes positives",
  "analytics.csatValue": "{average} / 5 · {count, plural, one {# note} other {# notes}} · {positive} positives",
  "analytics.csatNone": "Pas encore de note",
} satisfies Record<keyof typeof en, string>;
