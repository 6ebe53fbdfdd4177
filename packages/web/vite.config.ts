import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// The build is static files that `lading server` serves; the API lives on the same origin.
export default defineConfig({
  plugins: [react()],
  build: { outDir: "dist", emptyOutDir: true, sourcemap: true },
  server: { proxy: { "/api": "http://127.0.0.1:8480" } },
});
