import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { compression } from 'vite-plugin-compression2';
import { STORAGE_KEY } from './src/i18n/language-key';

const api = process.env.SLUSSEN_API_URL ?? 'http://localhost:3000';

/**
 * Each language's messages are a chunk of their own, which the app imports before its first render.
 * Found only then, the chunk would be fetched after the main bundle ran (a waterfall). This puts a
 * small script before the main bundle in index.html (an asset of its own: the API's CSP allows no
 * inline script) that starts the page's language (the one chosen in this browser, else Swedish)
 * downloading beside the main bundle, as a module preload.
 */
function languagePreload(): Plugin {
  let outDir = '';
  return {
    name: 'slussen-language-preload',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    writeBundle(_options, bundle) {
      const chunks: Record<string, string> = {};
      for (const file of Object.values(bundle)) {
        const language = file.type === 'chunk' && /i18n\/(sv|en)\/index\.ts$/.exec(file.facadeModuleId ?? '')?.[1];
        if (language) chunks[language] = `/${file.fileName}`;
      }
      if (!chunks.sv || !chunks.en) throw new Error(`language chunks not found: ${JSON.stringify(chunks)}`);
      const script =
        `(function(){var l='sv';try{if(localStorage.getItem(${JSON.stringify(STORAGE_KEY)})==='en')l='en'}catch(e){}` +
        `var k=document.createElement('link');k.rel='modulepreload';k.crossOrigin='';k.href=${JSON.stringify(chunks)}[l];` +
        `document.head.appendChild(k)})();\n`;
      const name = `assets/language-${createHash('sha256').update(script).digest('base64url').slice(0, 8)}.js`;
      writeFileSync(join(outDir, name), script);
      const index = join(outDir, 'index.html');
      const html = readFileSync(index, 'utf8');
      if (!html.includes('<script type="module"')) throw new Error('index.html has no module script');
      writeFileSync(
        index,
        html.replace('<script type="module"', `<script src="/${name}"></script>\n    <script type="module"`),
      );
    },
  };
}

// `npm run build:web` writes apps/web/dist, which the API serves at `/`;
// `npm run dev:web` serves the sources on 5173 and forwards the API's paths.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  // JSX through Vite's own transform (oxc): @vitejs/plugin-react would drag in another Vite.
  oxc: { jsx: { runtime: 'automatic' } },
  plugins: [
    languagePreload(),
    // Every file under assets/ also as .br and .gz (none where it would not be smaller), which the API serves by the
    // request's Accept-Encoding: compressed once at build, never per request. Not index.html: languagePreload
    // rewrites it after this plugin has read it (and it is 1 kB).
    compression({ algorithms: ['brotliCompress', 'gzip'], include: /^assets\/.*\.(js|css|svg|json)$/ }),
  ],
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
