import type { Hook } from "@hono/zod-openapi";
import type { ApiEnv } from "./context.js";
import { problem } from "./problem.js";

/** Turns zod failures into a 400 that names each offending field. */
// biome-ignore lint/suspicious/noExplicitAny: the hook is shared by every route's schema
export const validationHook: Hook<any, ApiEnv, any, any> = (result, c) => {
  if (result.success) return;
  const issues = result.error.issues.map((i) => ({ field: i.path.join(".") || "(body)", message: i.message }));
  const detail = issues.map((i) => `${i.field}: ${i.message}`).join("; ");
  return problem(c, "invalid_input", detail, { issues });
};
