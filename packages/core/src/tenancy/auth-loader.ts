import type { Database } from "@support/db";
import type { Auth, createAuth } from "./auth.js";

export type { Auth };

/**
 * better-auth (with kysely and jose, about 500 modules) is loaded when a process first needs it
 * (the API's sign-in routes and session checks), not by every process that loads core (the CLI,
 * workers).
 */
export async function loadAuth(database: Database, options: Parameters<typeof createAuth>[1]): Promise<Auth> {
  const { createAuth } = await import("./auth.js");
  return createAuth(database, options);
}
