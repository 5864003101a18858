import { resolve as resolvePath } from 'node:path';
import { defineConfig } from 'vite';
import { crx } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { buildManifest, type TargetBrowser } from './manifest.config';
import { LOCALES, readLocaleCatalogue } from './src/ui/i18n/catalogue-files';

const browser: TargetBrowser = process.env.BROWSER === 'firefox' ? 'firefox' : 'chrome';
// Where the targets go (default dist/<browser>). scripts/package.mjs builds elsewhere when asked, so its
// reproducibility test can build twice side by side without touching dist/.
const outRoot = process.env.ASIDE_OUT_DIR || 'dist';

export default defineConfig({
  plugins: [
    preact(),
    {
      // The browser reads _locales/<locale>/messages.json; the source keeps one file per area (src/ui/i18n).
      name: 'aside-locales',
      generateBundle() {
        for (const locale of LOCALES) {
          this.emitFile({ type: 'asset', fileName: `_locales/${locale}/messages.json`, source: JSON.stringify(readLocaleCatalogue(locale)) });
        }
      },
    },
    crx({
      manifest: buildManifest(browser),
      browser,
      // One self-contained content script: no loader, no web_accessible_resources the page could probe.
      contentScripts: { standaloneFiles: ['src/content/main.ts'] },
    }),
  ],
  define: { __TARGET_BROWSER__: JSON.stringify(browser) },
  resolve: {
    alias: {
      // micromark's browser build decodes entities by assigning innerHTML on a detached element; the plain
      // build uses a lookup table instead, so no HTML sink ships in the extension at all.
      'decode-named-character-reference': resolvePath('node_modules/decode-named-character-reference/index.js'),
    },
  },
  build: {
    outDir: `${outRoot}/${browser}`,
    emptyOutDir: true,
    target: 'es2022',
    minify: true,
    sourcemap: false,
    rolldownOptions: {
      // crxjs only knows the pages the manifest names; the Firefox sidebar and the sidebar-as-page need these.
      input: {
        sidebar: 'extension-pages/sidebar.html',
        popup: 'extension-pages/popup.html',
        options: 'extension-pages/options.html',
      },
    },
  },
});
