import { defineConfig } from "vitest/config";

// Most tests call the CLI in-process; the few real process spawns cold-start tsx (or build the bundle), and
// fake servers start slowly on a busy CI machine.
export default defineConfig({ test: { testTimeout: 60_000, hookTimeout: 60_000 } });
