import type { ProcedureDefinitionInput } from "@support/contract";

/**
 * A second, different business as data: a shop's return authorisation on the built-in
 * `order_shipping` category. A restocking fee from a grid, a task for the warehouse.
 */
export const RETURN_AUTHORISATION: ProcedureDefinitionInput = {
  key: "return-authorisation",
  name: "Return authorisation",
  trigger: { category: "order_shipping" },
  defaultLanguage: "en",
  fields: [
    {
      name: "photo",
      kind: "attachment",
      accept: ["image/"],
      label: { en: "a photo of the item", fr: "une photo de l'article", mg: "sarin'ilay entana" },
    },
    {
      name: "reason",
      kind: "choice",
      label: { en: "the reason for the return", fr: "la raison du retour", mg: "ny antony hamerenana azy" },
      options: [
        { value: "damaged", words: ["damaged", "broken", "cassé", "abîmé", "endommagé", "simba"] },
        { value: "wrong_item", words: ["wrong size", "wrong item", "mauvaise taille", "erreur", "diso"] },
        {
          value: "changed_mind",
          words: ["changed my mind", "no longer", "don't want", "plus besoin", "changé d'avis"],
        },
      ],
    },
  ],
  checklist: [{ anyOf: ["photo"] }, { anyOf: ["reason"] }],
  quote: {
    unit: { one: { en: "euro", fr: "euro", mg: "euro" }, many: { en: "euros", fr: "euros", mg: "euros" } },
    rules: [
      { when: { reason: "damaged" }, amount: 0, label: "no fee: damaged on arrival" },
      { when: { reason: "wrong_item" }, amount: 0, label: "no fee: our mistake" },
      { when: {}, amount: 5, label: "restocking fee" },
    ],
  },
  templates: {
    missing: {
      en: "Hello,\n\nTo authorise the return we need {{missing}}.",
      fr: "Bonjour,\n\nPour autoriser le retour, il nous faut {{missing}}.",
      mg: "Manao ahoana,\n\nMba hanekena ny famerenana dia ilainay {{missing}}.",
    },
    terms: {
      en: "Hello,\n\nThe return costs {{quote.amount}} {{quote.unit}} ({{quote.label}}). Shall we send the label?",
      fr: "Bonjour,\n\nLe retour coûte {{quote.amount}} {{quote.unit}} ({{quote.label}}). Nous envoyons l'étiquette ?",
      mg: "Manao ahoana,\n\nNy famerenana dia {{quote.amount}} {{quote.unit}} ({{quote.label}}). Halefanay ve ny marika?",
    },
    label_sent: {
      en: "Hello,\n\nYour return is authorised: the label follows by email.",
      fr: "Bonjour,\n\nVotre retour est autorisé : l'étiquette suit par e-mail.",
      mg: "Manao ahoana,\n\nEken'ny famerenana: ho alefa amin'ny mailaka ny marika.",
    },
  },
  steps: [
    { id: "extract", kind: "extract" },
    { id: "complete", kind: "checklist", template: "missing", wait: { timeoutHours: 48 } },
    { id: "fee", kind: "quote", template: "terms" },
    {
      id: "answer",
      kind: "interpret_reply",
      timeoutHours: 72,
      on: { accept: "warehouse", refuse: "refused", question: "person", more_info: "extract" },
    },
    { id: "warehouse", kind: "create_task", title: "Return {{customer.email}}" },
    { id: "label", kind: "message", template: "label_sent" },
    { id: "validated", kind: "set_status", status: "validated", next: "end" },
    { id: "refused", kind: "set_status", status: "refused", next: "end" },
    { id: "person", kind: "handoff", reason: "a question about the return" },
  ],
};
