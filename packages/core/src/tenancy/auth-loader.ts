import type { Database } from "@support/db";
import type { Auth } from "./auth.js";

export type { Auth };

/**
 * better-auth (with kysely and jose, about 500 modules) is loaded when a process first needs it
 * (the API's sign-in routes and session checks), not by every process that loads core (the CLI,
 * workers).
 */
export async function loadAuth(database: Database, options: { baseURL: string; secret: string }): Promise<Auth> {
  const { createAuth } = await import("./auth.js");
  return createAuth(database, options);
}
