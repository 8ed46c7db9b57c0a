import { defineConfig } from "vitest/config";

// Most tests call the CLI in-process; the few real process spawns cold-start tsx, slow on a busy CI machine.
export default defineConfig({ test: { testTimeout: 60_000 } });
