import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// `vite` (dev) proxies the API of a `pnpm start` running on :3000; `vite build` writes dist/,
// which apps/api serves.
export default defineConfig({
  plugins: [react()],
  server: { proxy: { "/api": { target: "http://127.0.0.1:3000", changeOrigin: false } } },
  build: { outDir: "dist", emptyOutDir: true },
});
