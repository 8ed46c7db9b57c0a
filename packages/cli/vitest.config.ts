import { defineConfig } from "vitest/config";

// These tests spawn the real CLI process several times each; cold starts take seconds on CI.
export default defineConfig({ test: { testTimeout: 240_000 } });
