import { z } from "@hono/zod-openapi";
import { ROLES } from "./common.js";

export const apiKeySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    prefix: z.string(),
    role: z.enum(ROLES),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi("ApiKey");

export const createKeyBody = z.object({ name: z.string().trim().min(1).max(200), role: z.enum(ROLES) });
export const createdKeySchema = apiKeySchema.extend({ token: z.string() });
export const revokedKeySchema = z.object({ id: z.string(), revoked: z.boolean() });

export const signingKeysSchema = z
  .object({
    appId: z.string(),
    keys: z
      .array(z.object({ id: z.string(), version: z.number(), createdAt: z.string() }))
      .openapi({ description: "Live keys, newest first; two while a rotation overlaps" }),
  })
  .openapi("SigningKeys");
export const rotatedSigningKeysSchema = signingKeysSchema.extend({
  secret: z.string().openapi({ description: "The new secret, shown only here" }),
});

export type ApiKeyView = z.infer<typeof apiKeySchema>;
export type CreatedApiKey = z.infer<typeof createdKeySchema>;
export type CreateKeyInput = z.infer<typeof createKeyBody>;
export type SigningKeysView = z.infer<typeof signingKeysSchema>;
export type RotatedSigningKeys = z.infer<typeof rotatedSigningKeysSchema>;
