import { type Database, openDatabase, type SecretBox } from "@support/db";
import { type Auth, createAuth } from "./auth.js";
import type { Config } from "./config.js";
import { type KnowledgeDeps, knowledgeFor } from "./knowledge/deps.js";
import { deriveSecret, loadMasterKey, loadSecretBox } from "./secrets-key.js";

export interface Runtime {
  config: Config;
  database: Database;
  secrets: SecretBox;
  auth: Auth;
  knowledge: KnowledgeDeps;
}

/** Opens what every entry point (server, CLI) needs, and applies migrations. */
export async function openRuntime(config: Config, options: { migrate?: boolean } = {}): Promise<Runtime> {
  const masterKey = loadMasterKey(config);
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  if (options.migrate ?? true) await database.migrate();
  const auth = createAuth(database, { baseURL: config.publicUrl, secret: deriveSecret(masterKey, "better-auth") });
  return {
    config,
    database,
    secrets: loadSecretBox(masterKey),
    auth,
    knowledge: knowledgeFor(config, database.db),
  };
}
