// The README's Vite recipes in one project: React, and Vue with
// isCustomElement; a page each, plus the page without a framework.
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";
import vue from "@vitejs/plugin-vue";

export default defineConfig({
  plugins: [
    react(),
    vue({ template: { compilerOptions: { isCustomElement: (tag) => tag === "drug-monograph" } } }),
  ],
  build: {
    rollupOptions: {
      input: { vanilla: "vanilla.html", react: "react.html", vue: "vue.html" },
    },
  },
});
