import { z } from "@hono/zod-openapi";

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, "HH:MM");
const validTimezone = (tz: string) => {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

const dayRanges = z
  .array(z.tuple([hhmm, hhmm]).refine(([from, to]) => from < to, "a range ends after it starts"))
  .max(4)
  .optional();

export const businessHoursSchema = z
  .object({
    timezone: z.string().min(1).max(64).refine(validTimezone, "an IANA timezone, e.g. Europe/Paris"),
    weekly: z
      .object({
        mon: dayRanges,
        tue: dayRanges,
        wed: dayRanges,
        thu: dayRanges,
        fri: dayRanges,
        sat: dayRanges,
        sun: dayRanges,
      })
      .strict(),
  })
  .openapi("BusinessHours");

export const appSettingsSchema = z
  .object({
    tone: z.string().min(1).max(200),
    language: z.string().min(2).max(10),
    autonomyTier: z.enum(["suggest", "one_click", "auto_send"]),
    trustThreshold: z.number().min(0).max(1),
    confidenceFloor: z.number().min(0).max(1),
    minOutcomes: z.number().int().min(0),
    neverAutoSend: z.array(z.string().min(1)),
    shadowMode: z.boolean(),
    bannedPhrases: z.array(z.string().min(1).max(200)).max(200),
    debounceSeconds: z.number().int().min(0).max(600),
    approvalSlaHours: z.number().min(0.25).max(168),
    draftExpiryHours: z
      .number()
      .min(1)
      .max(24 * 90),
    /** When people work, in the app's timezone; null means always. */
    businessHours: businessHoursSchema.nullable(),
    /** Tell the customer "a person will answer within <approvalSlaHours>" (or the out-of-hours message) on escalation; on by default. */
    handoffNotice: z.boolean(),
    outOfHoursMessage: z
      .object({ en: z.string().max(1000), fr: z.string().max(1000), mg: z.string().max(1000) })
      .partial()
      .nullable(),
    /** The lines that end every drafted reply (after the sign-off); null means "<app>'s support team" in the reply's language. */
    signature: z.string().trim().min(1).max(500).nullable(),
    /** A one-click rating under replies to customers: off (default), 1 to 5, or thumbs up/down. */
    csat: z.enum(["off", "five", "thumbs"]),
  })
  .openapi("AppSettings");

export const appSchema = z
  .object({
    id: z.string().openapi({ example: "app_01JD3W2V8K1Q9X7F5G3H2J4K6M" }),
    slug: z.string(),
    name: z.string(),
    settings: appSettingsSchema,
    webhookUrls: z.record(z.string(), z.string()),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("App");

export const slugSchema = z
  .string()
  .regex(/^[a-z0-9](?:[a-z0-9-]{0,58}[a-z0-9])?$/, "lowercase letters, digits and dashes");

export const createAppBody = z.object({
  name: z.string().trim().min(1).max(200),
  slug: slugSchema.optional(),
  settings: appSettingsSchema.partial().optional(),
});

export const patchAppBody = z
  .object({
    name: z.string().trim().min(1).max(200).optional(),
    settings: appSettingsSchema.partial().strict().optional(),
  })
  .strict();

/** A new app, with its webhook signing secret: shown this once, stored encrypted, never returned again. */
export const createdAppSchema = appSchema
  .extend({ signingSecret: z.string().openapi({ example: "whsec_…" }) })
  .openapi("CreatedApp");

export type AppSettingsView = z.infer<typeof appSettingsSchema>;
export type AppView = z.infer<typeof appSchema>;
export type CreateAppInput = z.infer<typeof createAppBody>;
export type AppPatch = z.infer<typeof patchAppBody>;
export type CreatedAppView = z.infer<typeof createdAppSchema>;
