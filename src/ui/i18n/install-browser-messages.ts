import { installMessageSource } from './message-source';

interface BrowserI18n {
  getMessage(key: string, substitutions?: string | string[]): string;
  getUILanguage(): string;
}

/**
 * Called first by each page's entry: strings come from the browser's catalogue for its interface
 * language, and the document says which language it is in, so screen readers pronounce it right.
 */
export function installBrowserMessages(i18n: BrowserI18n, root: HTMLElement = document.documentElement): void {
  installMessageSource((key, substitutions) => i18n.getMessage(key, substitutions));
  root.lang = i18n.getUILanguage() || 'en';
}
