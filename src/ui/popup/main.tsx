import { render } from 'preact';
import { browser } from '../../platform/browser';
import { createUiApi, messagingFrom } from '../api';
import { installBrowserMessages } from '../i18n';
import { Popup, type PopupHost } from './Popup';
import { detectSidebarApis, openSidebar } from './open-sidebar';
import '../common/base.css';
import './popup.css';

// Before anything renders: without it every string shows as its catalogue key (e.g. "common_local").
installBrowserMessages(browser.i18n);
const api = createUiApi(messagingFrom(browser.runtime));
const sidebarApis = detectSidebarApis();

/** Opened as a page with ?tab=<id> (like the sidebar), the popup acts on that tab. */
function tabFromQuery(): number | null {
  const value = Number(new URLSearchParams(location.search).get('tab'));
  return Number.isInteger(value) && value >= 0 && new URLSearchParams(location.search).has('tab') ? value : null;
}

const host: PopupHost = {
  async currentWindowId() {
    const win = await browser.windows.getCurrent();
    return typeof win.id === 'number' ? win.id : null;
  },
  async currentTabId() {
    const fromQuery = tabFromQuery();
    if (fromQuery !== null) return fromQuery;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    return typeof tab?.id === 'number' ? tab.id : null;
  },
  openSidebar: (windowId) => openSidebar(sidebarApis, windowId),
  openOptions: () => void browser.runtime.openOptionsPage(),
  close: () => window.close(),
  listCommands: () => browser.commands.getAll(),
  targetBrowser: __TARGET_BROWSER__,
};

const root = document.getElementById('app');
if (root) render(<Popup api={api} host={host} />, root);
