import { render } from 'preact';
import { browser } from '../../platform/browser';
import { createUiApi, messagingFrom } from '../api';
import { installBrowserMessages } from '../i18n';
import { Options } from './Options';
import { extensionOriginFrom, originPattern, type OptionsHost } from './options-host';
import '../common/base.css';
import './options.css';

installBrowserMessages(browser.i18n);
const api = createUiApi(messagingFrom(browser.runtime));

const host: OptionsHost = {
  // No await before permissions.request: it must run inside the click's user gesture.
  requestOrigin: (origin) => browser.permissions.request({ origins: [originPattern(origin)] }),
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
