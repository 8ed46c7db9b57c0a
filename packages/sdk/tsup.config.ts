import { defineConfig } from "tsup";

// The published build: ESM and declarations for the two entry points that package.json exports.
export default defineConfig({
  entry: { index: "src/index.ts", signing: "src/signing.ts" },
  format: ["esm"],
  dts: true,
  clean: true,
  target: "node20",
  platform: "node",
  sourcemap: true,
});
