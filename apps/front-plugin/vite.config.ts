import { defineConfig } from "vite";

// `vite build` writes dist/, which apps/api serves under /front-plugin/ (relative asset URLs).
export default defineConfig({
  base: "./",
  oxc: { jsx: { runtime: "automatic", importSource: "preact" } },
  build: { outDir: "dist", emptyOutDir: true },
});
