import { defineConfig } from "vitest/config";

// Each test file builds the whole schema on a MySQL database of its own (files run in parallel);
// MariaDB's DDL takes tens of seconds on a busy two-core machine, past vitest's 10 s defaults.
export default defineConfig({
  test: {
    hookTimeout: 120_000,
    testTimeout: 60_000,
  },
});
