import { defineConfig } from "vite";
import { svelte } from "@sveltejs/vite-plugin-svelte";

// Everything is bundled locally: the app loads no remote content.
export default defineConfig({
  plugins: [svelte()],
  clearScreen: false,
  build: { target: "es2022", outDir: "dist", emptyOutDir: true, assetsInlineLimit: 0 },
});
