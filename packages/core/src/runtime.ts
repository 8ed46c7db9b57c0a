import { type Database, openDatabase, type SecretBox } from "@support/db";
import type { Config } from "./config.js";
import { loadSecretBox } from "./secrets-key.js";

export interface Runtime {
  config: Config;
  database: Database;
  secrets: SecretBox;
}

/** Opens what every entry point (server, CLI) needs, and applies migrations. */
export async function openRuntime(config: Config, options: { migrate?: boolean } = {}): Promise<Runtime> {
  const secrets = loadSecretBox(config);
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  if (options.migrate ?? true) await database.migrate();
  return { config, database, secrets };
}
