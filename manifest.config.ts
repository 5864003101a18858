import { defineManifest } from '@crxjs/vite-plugin';
import packageJson from './package.json' with { type: 'json' };
import { DATA_COLLECTION_TYPES } from './src/shared/data-collection';

/** Which browser the build targets; one manifest source, two flavours. */
export type TargetBrowser = 'chrome' | 'firefox';

export const GECKO_ID = 'aside@aside-assistant.org';

/**
 * The messengers Aside reads. Host access is limited to these: provider origins are
 * optional host permissions, requested at run time when the user configures one.
 */
export const MESSENGER_MATCHES = ['https://web.whatsapp.com/*'];

const COMMANDS = {
  'suggest-replies': {
    suggested_key: { default: 'Alt+Shift+S' },
    description: '__MSG_commandSuggestReplies__',
  },
  'catch-up': {
    suggested_key: { default: 'Alt+Shift+U' },
    description: '__MSG_commandCatchUp__',
  },
};

export function buildManifest(browser: TargetBrowser) {
  const common = {
    manifest_version: 3 as const,
    name: 'Aside',
    short_name: 'Aside',
    version: packageJson.version,
    // The store and extensions page show the description in the browser's language (public/_locales).
    default_locale: 'en',
    description: '__MSG_extDescription__',
    icons: { 16: 'icons/16.png', 32: 'icons/32.png', 48: 'icons/48.png', 128: 'icons/128.png' },
    action: { default_popup: 'extension-pages/popup.html', default_title: 'Aside' },
    options_ui: { page: 'extension-pages/options.html', open_in_tab: true },
    permissions: ['storage', 'tabs'],
    host_permissions: MESSENGER_MATCHES,
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    content_scripts: [
      { matches: MESSENGER_MATCHES, js: ['src/content/main.ts'], run_at: 'document_idle' as const },
    ],
    content_security_policy: {
      extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'; img-src 'self'; frame-src 'none'; base-uri 'none'",
    },
  };
  if (browser === 'firefox') {
    return defineManifest({
      ...common,
      background: { scripts: ['src/background/main.ts'], type: 'module' },
      commands: {
        ...COMMANDS,
        _execute_sidebar_action: {
          suggested_key: { default: 'Alt+Shift+Y' },
          description: '__MSG_commandOpenSidebar__',
        },
      },
      browser_specific_settings: {
        gecko: {
          id: GECKO_ID,
          strict_min_version: '142.0',
          // Nothing is sent by default and nothing ever reaches us; chat text goes to a model outside the
          // browser only when the user sets one up, and Firefox's consent for that is asked then
          // (src/shared/data-collection.ts).
          data_collection_permissions: { required: ['none'], optional: [...DATA_COLLECTION_TYPES] },
        },
      },
      // crxjs's manifest type lacks sidebar_action; Firefox's sidebar is its own key.
      ...({
        sidebar_action: {
          default_panel: 'extension-pages/sidebar.html',
          default_title: 'Aside',
          default_icon: 'icons/32.png',
          open_at_install: false,
        },
      } as object),
    } as Parameters<typeof defineManifest>[0]);
  }
  return defineManifest({
    ...common,
    minimum_chrome_version: '116',
    // offscreen: the in-browser model's engine host page, created only when a WebLLM assistant is used.
    permissions: [...common.permissions, 'sidePanel', 'offscreen'],
    background: { service_worker: 'src/background/main.ts', type: 'module' },
    side_panel: { default_path: 'extension-pages/sidebar.html' },
    commands: {
      ...COMMANDS,
      'open-sidebar': {
        suggested_key: { default: 'Alt+Shift+Y' },
        description: '__MSG_commandOpenSidebar__',
      },
    },
  });
}
