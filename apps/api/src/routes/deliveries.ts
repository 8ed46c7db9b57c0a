import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import { deliverySchema, idParam, jsonResponse, problemResponse } from "@support/contract";
import { resendDelivery } from "@support/core";
import { requireCaller } from "../auth.js";
import type { ApiEnv } from "../context.js";
import { validationHook } from "../validation.js";

/** Deliveries: a failed one is resent as a new delivery, once however often it is asked. */
export function deliveryRoutes() {
  const router = new OpenAPIHono<ApiEnv>({ defaultHook: validationHook });
  router.use("*", requireCaller);
  router.openapi(
    createRoute({
      method: "post",
      path: "/{id}/resend",
      tags: ["conversations"],
      description:
        "Sends a failed delivery's text again on its conversation's channel. Asking twice for the same failed delivery sends once and answers the same new delivery.",
      request: { params: idParam },
      responses: {
        201: jsonResponse(deliverySchema, "The new delivery"),
        400: problemResponse("Invalid input"),
        401: problemResponse("Missing or invalid credentials"),
        404: problemResponse("Not found in this organization"),
        409: problemResponse("The delivery did not fail, or its channel's window is closed"),
      },
    }),
    async (c) => c.json(await resendDelivery(c.var.ctx, c.req.valid("param").id), 201),
  );
  return router;
}
