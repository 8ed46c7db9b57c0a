import type { ProcedureDefinitionInput, TriageConfigInput } from "@support/contract";

/**
 * The 3D-modelling studio's intake (BRIEF §6.5) as data: its categories and its procedure. Nothing
 * here is code the runner knows about; another business writes its own the same way.
 */
export const STUDIO_CATEGORIES: TriageConfigInput = {
  threshold: 0.7,
  fallbackCategory: null,
  categories: [
    {
      name: "MODELISATION",
      description: "A request to model an object in 3D from photos, plans or dimensions, or a quote for one.",
      risk: "low",
      examples: [
        "Je voudrais modéliser une chaise",
        "Pouvez-vous faire le modèle 3D de ma table ?",
        "Combien coûte la modélisation d'un vase ?",
        "I need a 3D model of a lamp",
        "Could you model this object from the photos?",
      ],
      signals: [
        ".stl",
        ".obj",
        ".fbx",
        ".blend",
        ".step",
        ".3ds",
        "modéliser",
        "modélisation",
        "modèle 3d",
        "3d model",
      ],
    },
    {
      name: "SUPPORT",
      description: "Questions about an existing order, a delivered model, the credits, the account or an invoice.",
      risk: "medium",
      examples: [
        "Je n'arrive pas à télécharger mon fichier",
        "Combien de crédits me reste-t-il ?",
        "Ma facture est incorrecte",
        "I can't open the file you sent",
        "How do I buy more credits?",
      ],
      signals: ["facture", "invoice", "mot de passe", "password", "remboursement", "refund"],
    },
  ],
};

export const THREE_D_INTAKE: ProcedureDefinitionInput = {
  key: "3d-intake",
  name: "3D modelling request",
  trigger: { category: "MODELISATION" },
  defaultLanguage: "fr",
  fields: [
    {
      name: "photo",
      kind: "attachment",
      accept: ["image/", ".jpg", ".jpeg", ".png", ".heic", ".webp"],
      label: { fr: "une photo de l'objet", en: "a photo of the object", mg: "sary iray amin'ilay zavatra" },
    },
    {
      name: "plan",
      kind: "attachment",
      accept: ["application/pdf", ".pdf", ".dwg", ".dxf", ".svg"],
      label: { fr: "un plan de l'objet", en: "a plan of the object", mg: "drafitr'ilay zavatra" },
    },
    {
      name: "dimensions",
      kind: "dimensions",
      label: {
        fr: "ses dimensions (longueur x largeur x hauteur)",
        en: "its dimensions (length x width x height)",
        mg: "ny refiny (lavany x sakany x haavany)",
      },
    },
    {
      name: "complexity",
      kind: "choice",
      label: { fr: "la complexité", en: "the complexity", mg: "ny hasarotany" },
      options: [
        {
          value: "special",
          words: ["articulé", "articulated", "animation", "animé", "mécanisme", "mechanism", "personnage", "character"],
        },
        {
          value: "complex",
          words: ["complexe", "complex", "détaillé", "detailed", "sculpture", "organique", "organic"],
        },
      ],
    },
  ],
  checklist: [{ anyOf: ["photo", "plan"] }, { anyOf: ["dimensions"] }],
  quote: {
    unit: { one: { fr: "crédit", en: "credit", mg: "crédit" }, many: { fr: "crédits", en: "credits", mg: "crédits" } },
    rules: [
      { when: { complexity: "special" }, amount: null, label: "complex case: an admin quotes it" },
      { when: { complexity: "complex" }, amount: 2, label: "complex object" },
      { when: {}, amount: 1, label: "simple object" },
    ],
  },
  templates: {
    missing_information: {
      fr: "Bonjour,\n\nMerci pour votre demande. Pour l'estimer, il nous manque : {{missing}}.\nPouvez-vous nous les envoyer en réponse à ce message ?",
      en: "Hello,\n\nThank you for your request. To estimate it we still need: {{missing}}.\nCould you send them in reply to this message?",
      mg: "Manao ahoana,\n\nMisaotra tamin'ny fangatahanao. Mba hanombanana azy dia mbola ilainay: {{missing}}.\nAzonao alefa ho valin'ity hafatra ity ve izany?",
    },
    reminder: {
      fr: "Bonjour,\n\nNous n'avons pas encore reçu {{missing}} pour votre demande de modélisation.",
      en: "Hello,\n\nWe have not received {{missing}} for your modelling request yet.",
      mg: "Manao ahoana,\n\nMbola tsy voarayinay {{missing}} ho an'ny fangatahanao.",
    },
    quote: {
      fr: "Bonjour,\n\nVotre modélisation ({{fields.dimensions}}) coûte {{quote.amount}} {{quote.unit}}.\nRépondez à ce message pour valider le devis, ou posez-nous vos questions.",
      en: "Hello,\n\nYour model ({{fields.dimensions}}) costs {{quote.amount}} {{quote.unit}}.\nReply to this message to accept the quote, or ask us anything.",
      mg: "Manao ahoana,\n\nNy modely ({{fields.dimensions}}) dia mitentina {{quote.amount}} {{quote.unit}}.\nValio ity hafatra ity raha manaiky ny tolo-bidy ianao, na apetraho ny fanontanianao.",
    },
    complex_case: {
      fr: "Bonjour,\n\nVotre projet demande une étude particulière : un membre de l'équipe vous envoie un devis sous peu.",
      en: "Hello,\n\nYour project needs a closer look: someone from the team will send you a quote shortly.",
      mg: "Manao ahoana,\n\nMila fandinihana manokana ny tetikasanao: hisy mpikambana ao amin'ny ekipa handefa tolo-bidy aminao tsy ho ela.",
    },
    confirmation: {
      fr: "Bonjour,\n\nMerci, votre devis est validé. Nous commençons la modélisation et revenons vers vous dès qu'elle est prête.",
      en: "Hello,\n\nThank you, your quote is accepted. We are starting on your model and will be back as soon as it is ready.",
      mg: "Manao ahoana,\n\nMisaotra, voaray ny fanekenao ny tolo-bidy. Manomboka ny asa izahay ary hiverina aminao rehefa vita.",
    },
    admin_notification: {
      fr: "Devis validé par {{customer.email}} : {{quote.amount}} {{quote.unit}} ({{quote.label}}).",
      en: "Quote accepted by {{customer.email}}: {{quote.amount}} {{quote.unit}} ({{quote.label}}).",
    },
  },
  steps: [
    { id: "extract", kind: "extract" },
    {
      id: "complete",
      kind: "checklist",
      template: "missing_information",
      wait: { timeoutHours: 72, reminderTemplate: "reminder", reminderAfterHours: 24 },
    },
    { id: "quote", kind: "quote", template: "quote", handoffTemplate: "complex_case" },
    { id: "quoted", kind: "set_status", status: "quoted" },
    {
      id: "decision",
      kind: "interpret_reply",
      timeoutHours: 168,
      on: { accept: "validated", refuse: "refused", question: "to_person", more_info: "extract" },
    },
    { id: "validated", kind: "set_status", status: "validated" },
    { id: "task", kind: "create_task", title: "Demande {{customer.email}}" },
    { id: "confirm", kind: "message", template: "confirmation" },
    { id: "tell_admin", kind: "notify", template: "admin_notification", next: "end" },
    { id: "refused", kind: "set_status", status: "refused", next: "end" },
    { id: "to_person", kind: "handoff", reason: "the customer has a question about the quote" },
  ],
};
