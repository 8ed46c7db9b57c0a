import type { slack as en } from "../en/slack.js";

export const slack = {
  "slack.title": "Slack",
  "slack.connected":
    "Connecté : les cartes d’approbation, les relances et les transmissions vont dans {channel}, le résumé quotidien dans {summaryChannel}.",
  "slack.notConnected":
    "Non connecté : les approbations, transmissions et envois en échec n’apparaissent que dans la file de validation.",
  "slack.form.label": "Connexion à Slack",
  "slack.botToken": "Jeton du bot",
  "slack.signingSecret": "Secret de signature",
  "slack.stored": "(enregistré ; laisser vide pour le conserver)",
  "slack.channelId": "Identifiant du canal des approbations",
  "slack.summaryChannelId": "Identifiant du canal du résumé quotidien",
  "slack.summaryDefault": "(vide : le canal des approbations)",
  "slack.connect": "Connecter Slack",
} satisfies Record<keyof typeof en, string>;
