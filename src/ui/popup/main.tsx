import { render } from 'preact';
import { browser } from '../../platform/browser';
import { createUiApi, messagingFrom } from '../api';
import { installBrowserMessages } from '../i18n';
import { Popup, type PopupHost } from './Popup';
import { detectSidebarApis, openSidebar } from './open-sidebar';
import '../common/base.css';
import './popup.css';

installBrowserMessages(browser.i18n);
const api = createUiApi(messagingFrom(browser.runtime));
const sidebarApis = detectSidebarApis();

const host: PopupHost = {
  async currentWindowId() {
    const win = await browser.windows.getCurrent();
    return typeof win.id === 'number' ? win.id : null;
  },
  openSidebar: (windowId) => openSidebar(sidebarApis, windowId),
  openOptions: () => void browser.runtime.openOptionsPage(),
  close: () => window.close(),
};

const root = document.getElementById('app');
if (root) render(<Popup api={api} host={host} />, root);
