import { render } from 'preact';
import { browser } from '../../platform/browser';
import { createUiApi, messagingFrom } from '../api';
import { installBrowserMessages } from '../i18n';
import { Sidebar } from './Sidebar';
import { pendingActionsFrom } from './pending-action';
import { activeTabTracker, fixedTabTracker, parseTabParam } from './tab-tracker';
import { watchSourceFrom } from './use-live-conversation';
import { loadMarkdownParser } from '../render';
import '../common/base.css';
import './sidebar.css';

installBrowserMessages(browser.i18n);
const api = createUiApi(messagingFrom(browser.runtime));
const boundTab = parseTabParam(location.search);
const tabs = boundTab === null ? activeTabTracker(browser) : fixedTabTracker(boundTab, browser);

const root = document.getElementById('app');
if (root) {
  render(
    <Sidebar
      api={api}
      tabs={tabs}
      openOptions={() => void browser.runtime.openOptionsPage()}
      pendingActions={pendingActionsFrom(browser.storage.session)}
      watch={watchSourceFrom(browser.runtime)}
    />,
    root,
  );
}

// The Markdown parser is not part of the first load; fetch it (from the extension itself) once the
// sidebar has painted, so that it is ready before the first answer arrives.
setTimeout(() => void loadMarkdownParser().catch(() => undefined), 0);
