import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { conversationFileParams, idParam, jsonResponse, problemResponse, typingSchema } from "@support/contract";
import { readConversationFile, signalTyping } from "@support/core";
import { requireCaller } from "../auth.js";
import type { ApiEnv } from "../context.js";
import { validationHook } from "../validation.js";

const errors = {
  401: problemResponse("Missing or invalid credentials"),
  403: problemResponse("The role may not do this"),
  404: problemResponse("Not found in this organization"),
};

/** `attachment` with an ASCII fallback and the UTF-8 name (RFC 6266), so no name can break the header. */
function disposition(kind: "inline" | "attachment", name: string) {
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, "_");
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** A conversation's stored files (download) and the composer's "a person is typing" signal. */
export function conversationFileRoutes() {
  const router = new OpenAPIHono<ApiEnv>({ defaultHook: validationHook });
  router.use("*", requireCaller);

  router.openapi(
    createRoute({
      method: "get",
      path: "/{id}/files/{file}",
      tags: ["conversations"],
      summary: "Download a file the customer sent (images inline, PDF as an attachment)",
      request: { params: conversationFileParams },
      responses: {
        200: {
          description: "The file's bytes, with the type its bytes were recognised as",
          content: { "application/octet-stream": { schema: z.string().openapi({ format: "binary" }) } },
        },
        ...errors,
      },
    }),
    async (c) => {
      const { id, file: fileId } = c.req.valid("param");
      const { file, bytes } = await readConversationFile(c.var.ctx, id, fileId);
      // Images show in the dashboard; a PDF is downloaded. Neither may run script on this origin.
      const inline = file.contentType.startsWith("image/");
      return c.body(new Uint8Array(bytes), 200, {
        "content-type": file.contentType,
        "content-disposition": disposition(inline ? "inline" : "attachment", file.name),
        "content-security-policy": "default-src 'none'; sandbox",
        "x-content-type-options": "nosniff",
        "cache-control": "private, max-age=300",
      });
    },
  );

  router.openapi(
    createRoute({
      method: "post",
      path: "/{id}/typing",
      tags: ["conversations"],
      summary: "A person is typing a reply: the customer's chat widget shows it for a few seconds (nothing stored)",
      request: { params: idParam },
      responses: { 200: jsonResponse(typingSchema, "Signalled to the open widget streams"), ...errors },
    }),
    async (c) => {
      await signalTyping(c.var.ctx, c.req.valid("param").id);
      return c.json({ ok: true as const }, 200);
    },
  );
  return router;
}
