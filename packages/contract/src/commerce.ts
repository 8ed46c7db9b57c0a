import { z } from "@hono/zod-openapi";

/** A shop's product as the API shows it; the price is an integer of the currency's minor unit. */
export const productSchema = z
  .object({
    id: z.string(),
    appId: z.string(),
    sku: z.string(),
    title: z.string(),
    titles: z.record(z.string(), z.string()).openapi({ description: 'Titles per language, e.g. {"mg": "Vary 25 kg"}' }),
    description: z.string().nullable(),
    priceMinor: z.number().int().openapi({ description: "Minor units of the currency (MGA has none: ariary)." }),
    currency: z.string(),
    priceText: z.string().openapi({ description: 'The price written for French readers, e.g. "95 000 Ar".' }),
    stock: z.number().int().nullable().openapi({ description: "null when the shop does not track stock." }),
    imageUrl: z.string().nullable(),
    category: z.string().nullable(),
    active: z.boolean(),
    synonyms: z.array(z.string()),
    updatedAt: z.string(),
  })
  .openapi("Product");
export type ProductView = z.infer<typeof productSchema>;

const currency = z
  .string()
  .regex(/^[A-Za-z]{3}$/, "an ISO 4217 code such as MGA or EUR")
  .transform((s) => s.toUpperCase());

export const productBody = z
  .object({
    sku: z.string().trim().min(1).max(64),
    title: z.string().trim().min(1).max(200),
    titles: z.record(z.string().regex(/^[a-z]{2}$/), z.string().trim().min(1).max(200)).optional(),
    description: z.string().max(5000).nullable().optional(),
    priceMinor: z.number().int().min(0).max(2_147_483_647),
    currency: currency.optional().openapi({ description: "Defaults to MGA." }),
    stock: z.number().int().min(0).max(2_147_483_647).nullable().optional(),
    imageUrl: z.string().url().max(2000).nullable().optional(),
    category: z.string().trim().max(100).nullable().optional(),
    active: z.boolean().optional(),
    synonyms: z.array(z.string().trim().min(1).max(100)).max(50).optional(),
  })
  .strict();
export type ProductBody = z.input<typeof productBody>;

export const productPatchBody = productBody.partial().strict();
export type ProductPatch = z.input<typeof productPatchBody>;

export const productParams = z.object({ app: z.string().min(1).max(100), id: z.string().min(1).max(40) });

export const productsQuery = z.object({
  q: z.string().trim().min(1).max(500).optional().openapi({ description: "Find products as a customer names them." }),
});

export const importProductsForm = z.object({
  file: z.instanceof(File).openapi({ type: "string", format: "binary", description: "CSV or XLSX, 5 MB at most" }),
  mapping: z
    .string()
    .max(4000)
    .optional()
    .openapi({ description: 'JSON object from a header to a field, e.g. {"Prix TTC": "price", "Nom MG": "title:mg"}' }),
  currency: currency.optional().openapi({ description: "For rows without a currency; defaults to MGA." }),
  dryRun: z
    .enum(["true", "false"])
    .optional()
    .openapi({ description: "true: report what would change (the upload preview) and write nothing." }),
});

export const IMPORT_ROW_STATUSES = ["created", "updated", "unchanged", "rejected"] as const;

export const importReportSchema = z
  .object({
    applied: z.boolean().openapi({ description: "false when the file had any problem: then nothing was written." }),
    dryRun: z.boolean(),
    counts: z.object({ created: z.number(), updated: z.number(), unchanged: z.number(), rejected: z.number() }),
    errors: z.array(z.string()).openapi({ description: "Problems with the file as a whole (a missing column...)." }),
    rows: z.array(
      z.object({
        line: z.number(),
        sku: z.string(),
        status: z.enum(IMPORT_ROW_STATUSES),
        reason: z.string().optional(),
      }),
    ),
  })
  .openapi("ProductImportReport");
export type ImportReport = z.infer<typeof importReportSchema>;

export const quoteBody = z
  .object({
    app: z.string().min(1).max(100),
    conversation: z.string().min(1).max(40).optional(),
    customer: z.object({ name: z.string().trim().min(1).max(200), phone: z.string().max(40).nullable().optional() }),
    lines: z
      .array(
        z.object({ sku: z.string().trim().min(1).max(64), quantity: z.number().int().min(1).max(100_000) }).strict(),
      )
      .min(1)
      .max(100)
      .openapi({ description: "Prices come from the catalogue, never from the request." }),
    taxRateBp: z
      .number()
      .int()
      .min(0)
      .max(10_000)
      .optional()
      .openapi({ description: "2000 = 20 %; the shop's setting when left out" }),
    pricesIncludeTax: z.boolean().optional().openapi({ description: "The shop's setting when left out" }),
    delivery: z
      .array(z.object({ fromSubtotalMinor: z.number().int().min(0), feeMinor: z.number().int().min(0) }))
      .max(20)
      .optional()
      .openapi({ description: "The shop's delivery bands when left out" }),
    validityDays: z.number().int().min(1).max(365).optional().openapi({ description: "The shop's when left out" }),
    paymentInstructions: z
      .array(z.string().trim().min(1).max(200))
      .max(10)
      .optional()
      .openapi({ description: "The shop's payment instructions when left out" }),
    language: z.enum(["fr", "mg", "en"]).default("fr"),
  })
  .strict();
export type QuoteBody = z.input<typeof quoteBody>;

export const quoteSchema = z
  .object({
    id: z.string(),
    appId: z.string(),
    number: z.string().openapi({ description: 'Per shop: "D-0001", "D-0002"...' }),
    conversationId: z.string().nullable(),
    customer: z.object({ name: z.string(), phone: z.string().nullable().optional() }),
    lines: z.array(
      z.object({
        sku: z.string(),
        title: z.string(),
        quantity: z.number(),
        unitMinor: z.number(),
        lineMinor: z.number(),
      }),
    ),
    currency: z.string(),
    subtotalMinor: z.number(),
    taxMinor: z.number(),
    deliveryMinor: z.number(),
    totalMinor: z.number(),
    totalText: z.string(),
    status: z.string().openapi({
      description:
        "draft (made by hand, not sent), pending_approval (above the shop's threshold), sent, accepted (the order)",
    }),
    validUntil: z.string(),
    createdAt: z.string(),
  })
  .openapi("Quote");
export type QuoteView = z.infer<typeof quoteSchema>;

export const quotesQuery = z.object({
  conversation: z
    .string()
    .min(1)
    .max(40)
    .optional()
    .openapi({ description: "The conversation's quotes, oldest first; give this or app" }),
  app: z.string().min(1).max(100).optional().openapi({ description: "The app's quotes, newest first (200 at most)" }),
});
