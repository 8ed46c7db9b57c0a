import { defineConfig } from "tsup";

// The published build: ESM and declarations for the entry points that package.json exports (React stays a peer).
export default defineConfig({
  entry: { index: "src/index.ts", signing: "src/signing.ts", react: "src/react.ts" },
  format: ["esm"],
  dts: true,
  clean: true,
  target: "node20",
  platform: "node",
  sourcemap: true,
});
