import { render } from 'preact';
import { browser } from '../../platform/browser';
import { createUiApi, messagingFrom } from '../api';
import { DATA_COLLECTION_TYPES } from '../../shared/data-collection';
import { installBrowserMessages, t } from '../i18n';
import { Options } from './Options';
import { extensionOriginFrom, originPattern, type OptionsHost } from './options-host';
import '../common/base.css';
import './options.css';

installBrowserMessages(browser.i18n);
// The HTML's <title> is English: extension pages get no __MSG_…__ substitution in HTML.
document.title = t('options_pageTitle');
const api = createUiApi(messagingFrom(browser.runtime));

/**
 * Firefox's built-in data consent (its permissions report `data_collection`): the data types Aside declares
 * are asked for in the same prompt as the origin. Learned at load, as nothing may be awaited in the click.
 */
let dataConsent: string[] = [];
void browser.permissions.getAll().then((all) => {
  if (Array.isArray((all as { data_collection?: unknown }).data_collection)) dataConsent = [...DATA_COLLECTION_TYPES];
});

const host: OptionsHost = {
  // No await before permissions.request: it must run inside the click's user gesture.
  requestOrigin: (origin) =>
    browser.permissions.request({
      origins: [originPattern(origin)],
      ...(dataConsent.length > 0 ? { data_collection: dataConsent } : {}),
    } as Parameters<typeof browser.permissions.request>[0]),
  extensionOrigin: extensionOriginFrom(browser.runtime.getURL('')),
  copyText: (text) => navigator.clipboard.writeText(text),
  newId: () => crypto.randomUUID(),
  listCommands: () => browser.commands.getAll(),
  // Firefox lets a page remap its own shortcuts; Chrome has no commands.update (its page is the only way).
  ...(typeof browser.commands.update === 'function'
    ? { updateCommand: (name: string, shortcut: string) => browser.commands.update({ name, shortcut }) }
    : {}),
  mac: /Mac/i.test(navigator.platform),
};

const root = document.getElementById('app');
if (root) render(<Options api={api} host={host} />, root);
