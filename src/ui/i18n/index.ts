export { t, installMessageSource, type MessageKey } from './message-source';
export { i18nKey } from './i18n-key';
export { installBrowserMessages } from './install-browser-messages';
