import { z } from "@hono/zod-openapi";

/** How a shop is paid; each is printed with its own words in the customer's language. */
export const PAYMENT_METHODS = ["mvola", "orange_money", "airtel_money", "cash_on_delivery", "bank_transfer"] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

const MAX_LOGO_BASE64 = 280_000;
const PNG_MAGIC = "iVBORw0KGgo";

const deliveryBand = z
  .object({
    fromSubtotalMinor: z.number().int().min(0).openapi({ description: "The band applies from this subtotal up" }),
    feeMinor: z.number().int().min(0),
  })
  .strict();

/** Where the owner hears of an order: an email address, the organization's Slack, or a WhatsApp number. */
export const ownerNotificationSchema = z.discriminatedUnion("via", [
  z.object({ via: z.literal("email"), address: z.string().trim().email().max(320) }).strict(),
  z.object({ via: z.literal("slack") }).strict(),
  z
    .object({
      via: z.literal("whatsapp"),
      phone: z
        .string()
        .trim()
        .regex(/^\+?[0-9][0-9 ]{7,18}$/, "an international phone number such as +261 34 00 000 00"),
    })
    .strict(),
]);

/** A shop's settings as stored and shown; every field has a default, so a new shop has all of them. */
export const shopSettingsSchema = z
  .object({
    taxRateBp: z.number().int().min(0).max(10_000).openapi({ description: "2000 = 20 %" }),
    pricesIncludeTax: z.boolean().openapi({ description: "true: catalogue prices are TTC; false: HT" }),
    delivery: z.array(deliveryBand).max(20).openapi({ description: "The highest band the subtotal reaches applies" }),
    quoteValidityDays: z.number().int().min(1).max(365),
    paymentInstructions: z
      .array(
        z
          .object({ method: z.enum(PAYMENT_METHODS), details: z.string().trim().max(200).default("") })
          .strict()
          .openapi({ description: 'e.g. {"method": "mvola", "details": "034 00 000 00 (Rakoto)"}' }),
      )
      .max(10),
    logoPng: z
      .string()
      .max(MAX_LOGO_BASE64)
      .regex(/^[A-Za-z0-9+/]+=*$/, "base64 without a data: prefix")
      .refine((s) => s.startsWith(PNG_MAGIC), "a PNG image")
      .nullable()
      .openapi({ description: "The shop's logo printed on quotes: a PNG, base64, 200 KB at most" }),
    approvalThresholdMinor: z
      .number()
      .int()
      .min(0)
      .nullable()
      .openapi({ description: "A quote whose total is above this waits for a person before it is sent; null: never" }),
    ownerNotification: ownerNotificationSchema.nullable(),
  })
  .strict()
  .openapi("ShopSettings");
export type ShopSettings = z.infer<typeof shopSettingsSchema>;

export const DEFAULT_SHOP_SETTINGS: ShopSettings = {
  taxRateBp: 0,
  pricesIncludeTax: true,
  delivery: [],
  quoteValidityDays: 15,
  paymentInstructions: [],
  logoPng: null,
  approvalThresholdMinor: null,
  ownerNotification: null,
};

/** A change to the settings: the fields given replace the stored ones. */
export const shopSettingsPatch = shopSettingsSchema.partial().strict();
export type ShopSettingsPatch = z.input<typeof shopSettingsPatch>;

export const LEAD_STAGES = ["new", "qualified", "quoted", "won", "lost"] as const;
export type LeadStage = (typeof LEAD_STAGES)[number];

export const leadSchema = z
  .object({
    id: z.string(),
    appId: z.string(),
    contactId: z.string(),
    contact: z.object({ name: z.string().nullable(), phone: z.string().nullable(), email: z.string().nullable() }),
    conversationId: z.string().nullable(),
    stage: z.enum(LEAD_STAGES),
    valueMinor: z.number().int().nullable(),
    currency: z.string().nullable(),
    valueText: z.string().nullable().openapi({ description: 'The value written for French readers, "449 000 Ar"' }),
    owner: z.string().nullable(),
    notes: z.string().nullable(),
    quoteId: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("Lead");
export type LeadView = z.infer<typeof leadSchema>;

export const leadsQuery = z.object({
  app: z.string().min(1).max(100),
  stage: z.enum(LEAD_STAGES).optional(),
});

export const leadPatchBody = z
  .object({
    stage: z.enum(LEAD_STAGES).optional(),
    valueMinor: z.number().int().min(0).max(2_147_483_647).nullable().optional(),
    owner: z.string().trim().max(200).nullable().optional(),
    notes: z.string().max(5000).nullable().optional(),
  })
  .strict();
export type LeadPatch = z.input<typeof leadPatchBody>;

export const quoteSendBody = z
  .object({
    via: z
      .enum(["conversation", "email"])
      .default("conversation")
      .openapi({ description: "conversation: as a document in the quote's conversation (WhatsApp); email: to `to`" }),
    to: z.string().trim().email().max(320).optional(),
  })
  .strict();
export type QuoteSend = z.input<typeof quoteSendBody>;

export const shopMetricsQuery = z.object({
  from: z
    .string()
    .datetime({ offset: true })
    .optional()
    .openapi({ description: "Start (ISO 8601); 30 days before `to` by default" }),
  to: z
    .string()
    .datetime({ offset: true })
    .optional()
    .openapi({ description: "End, excluded (ISO 8601); now by default" }),
});

const rate = (description: string) =>
  z.object({ rate: z.number().nullable(), count: z.number().int(), of: z.number().int() }).openapi({ description });

/** How the shop sells from its conversations over a period; a rate is null when nothing was counted. */
export const shopMetricsSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    automaticAnswerRate: rate(
      "Replies drafted in the period that were sent with no person (auto-sent), of the replies drafted (superseded ones left out)",
    ),
    escalationRate: rate("Replies drafted in the period that went to a person (escalated), of the replies drafted"),
    leadToQuote: rate("Leads made in the period that got a quote (quoted or won), of the leads made"),
    quoteToOrder: rate("Quotes made in the period that the customer accepted, of those sent"),
    firstAnswerMs: z.number().int().nullable().openapi({
      description:
        "Median time from a conversation's first customer message to the first reply after it, over the conversations started in the period that got one",
    }),
    conversations: z.number().int(),
  })
  .openapi("ShopMetrics");
export type ShopMetrics = z.infer<typeof shopMetricsSchema>;
