/**
 * The one import of the WebExtension API. Code outside entry files and this folder receives
 * what it needs as arguments, so it stays testable without a browser.
 */
import browser from 'webextension-polyfill';

export { browser };
export type { Runtime, Tabs } from 'webextension-polyfill';
