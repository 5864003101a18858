import { readdirSync, readFileSync } from 'node:fs';
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

/**
 * web-llm's one module embeds two WebAssembly binaries as base64 literals (4.6 MB and 1 MB), which makes
 * its chunk 6.1 MB: AMO's linter does not parse a file over 5 MB (FILE_TOO_LARGE, an error). Each literal
 * is moved into a module of its own, bundled into a chunk of its own (see codeSplitting below), so every
 * file stays under the limit. Same bytes, same code, still loaded only where the engine runs.
 */
const WEBLLM_BLOB_PREFIX = 'aside-webllm-blob:';
function splitWebLLMDataLiterals() {
  const blobs = new Map<string, string>();
  return {
    name: 'aside-split-webllm-data',
    resolveId(id: string) {
      return id.startsWith(WEBLLM_BLOB_PREFIX) ? `\0${id}` : undefined;
    },
    load(id: string) {
      if (!id.startsWith(`\0${WEBLLM_BLOB_PREFIX}`)) return undefined;
      return `export default ${JSON.stringify(blobs.get(id.slice(WEBLLM_BLOB_PREFIX.length + 1)))};`;
    },
    transform(code: string, id: string) {
      if (!id.replaceAll('\\', '/').includes('/@mlc-ai/web-llm/lib/index.js')) return undefined;
      const imports: string[] = [];
      const replaced = code.replace(/"(data:application\/octet-stream;base64,[A-Za-z0-9+/=]{500000,})"/g, (_literal, data: string) => {
        const key = String(imports.length);
        blobs.set(key, data);
        imports.push(`import __asideWebLLMBlob${key} from '${WEBLLM_BLOB_PREFIX}${key}';`);
        return `__asideWebLLMBlob${key}`;
      });
      return imports.length === 0 ? undefined : { code: `${imports.join('\n')}\n${replaced}`, map: null };
    },
  };
}

/**
 * Store builds: ASIDE_MODEL_LIBS_DIR names a folder of WebLLM model libraries (.wasm, downloaded by the
 * packager from web-llm's binary-mlc-llm-libs at the version web-llm pins), copied into model-libs/ with an
 * index, so no library is fetched at run time (src/llm-host/packaged-libraries.ts). ASIDE_REMOTE_MODEL_LIBS=0
 * also hides every model whose library is not packaged. Without the folder, nothing is added.
 */
function packagedModelLibraries() {
  const dir = process.env.ASIDE_MODEL_LIBS_DIR;
  return {
    name: 'aside-model-libs',
    generateBundle(this: { emitFile(file: { type: 'asset'; fileName: string; source: string | Uint8Array }): string }) {
      if (!dir) return;
      const files = readdirSync(dir).filter((file) => /^[\w.-]+\.wasm$/.test(file)).sort();
      for (const file of files) this.emitFile({ type: 'asset', fileName: `model-libs/${file}`, source: readFileSync(resolvePath(dir, file)) });
      this.emitFile({ type: 'asset', fileName: 'model-libs/index.json', source: JSON.stringify({ files, remoteAllowed: process.env.ASIDE_REMOTE_MODEL_LIBS !== '0' }) });
    },
  };
}

export default defineConfig({
  plugins: [
    preact(),
    splitWebLLMDataLiterals(),
    packagedModelLibraries(),
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
      output: {
        // One chunk per embedded web-llm binary (see splitWebLLMDataLiterals).
        codeSplitting: {
          groups: [0, 1, 2, 3].map((index) => ({ name: `webllm-data-${index}`, test: new RegExp(`${WEBLLM_BLOB_PREFIX}${index}$`) })),
        },
      },
      // crxjs only knows the pages the manifest names; the Firefox sidebar and the sidebar-as-page need these.
      input: {
        sidebar: 'extension-pages/sidebar.html',
        popup: 'extension-pages/popup.html',
        options: 'extension-pages/options.html',
        // The in-browser model's engine host: Chrome's offscreen document, where web-llm loads. Firefox runs
        // the same host code inside its background page instead (src/background/local-engine-host.ts).
        ...(browser === 'chrome' ? { 'llm-host': 'extension-pages/llm-host.html' } : {}),
      },
    },
  },
});
