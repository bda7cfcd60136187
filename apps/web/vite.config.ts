import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const api = process.env.SLUSSEN_API_URL ?? 'http://localhost:3000';

// `npm run build:web` writes apps/web/dist, which the API serves at `/`;
// `npm run dev:web` serves the sources on 5173 and forwards the API's paths.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  // JSX through Vite's own transform (oxc): @vitejs/plugin-react would drag in another Vite.
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    target: 'es2022',
    rollupOptions: {
      // Libraries marked "use client" for server rendering: meaningless in a single-page app.
      onwarn(warning, warn) {
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
      output: {
        // Libraries that every page needs load once and stay cached across releases of the app's own code.
        manualChunks(id: string) {
          if (/node_modules\/(react|react-dom|scheduler|react-router)\//.test(id)) return 'react';
          if (/node_modules\/(i18next|react-i18next)\//.test(id)) return 'i18n';
          if (/node_modules\/@tanstack\//.test(id)) return 'query';
          return undefined;
        },
      },
    },
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      '/api': { target: api, changeOrigin: false },
      '/docs': { target: api },
      '/health': { target: api },
      // The queue dashboard (platform admins), opened from the platform page.
      '/admin/queues': { target: api },
    },
  },
});
