import { useEffect, useState } from 'preact/hooks';
import type { UiApi } from '../api';
import { toUserFacingError } from '../api';
import type { UserFacingError } from '../../shared/errors';
import { useAssistants } from '../common/use-assistants';
import { ErrorNotice } from '../common/ErrorNotice';
import { ShortcutList } from '../common/ShortcutList';
import type { BrowserCommand } from '../common/shortcuts';
import { useShortcuts } from '../common/use-shortcuts';
import { AssistantPicker } from './AssistantPicker';
import { ChatAssistantChoice } from './ChatAssistantChoice';
import { useReachability } from './reachability';
import { t } from '../i18n';

/** What the popup needs from the browser besides the background. */
export interface PopupHost {
  currentWindowId(): Promise<number | null>;
  /** The tab the popup acts on (the active tab of its window), or null. */
  currentTabId(): Promise<number | null>;
  /** Opens the browser's sidebar; must call the browser synchronously (user gesture). False if it can't. */
  openSidebar(windowId: number | null): Promise<boolean>;
  openOptions(): void;
  close(): void;
  /** Aside's keyboard shortcuts as the browser has them now (commands.getAll). Must be a stable function. */
  listCommands(): Promise<BrowserCommand[]>;
  targetBrowser: 'chrome' | 'firefox';
}

export interface PopupProps {
  api: UiApi;
  host: PopupHost;
}

export function Popup({ api, host }: PopupProps) {
  const assistants = useAssistants(api);
  const reachability = useReachability(api, assistants.assistants);
  const shortcuts = useShortcuts(api, host.listCommands);
  const [windowId, setWindowId] = useState<number | null>(null);
  const [tabId, setTabId] = useState<number | null>(null);
  const [error, setError] = useState<UserFacingError | null>(null);

  useEffect(() => {
    let current = true;
    host.currentWindowId().then(
      (id) => current && setWindowId(id),
      () => undefined,
    );
    host.currentTabId().then(
      (id) => current && setTabId(id),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [host]);

  const select = async (id: string) => {
    if (id === assistants.activeId) return;
    const previous = assistants.activeId;
    assistants.setActiveId(id);
    setError(null);
    try {
      const result = await api.request('ui->background:set-active-assistant', { id });
      assistants.setActiveId(result.activeAssistantId);
    } catch (cause) {
      assistants.setActiveId(previous);
      setError(toUserFacingError(cause));
    }
  };

  const openSidebar = () => {
    // The browser call happens inside openSidebar, synchronously, while the click still counts as a gesture.
    const opening = host.openSidebar(windowId);
    void opening.then(async (opened) => {
      if (!opened) {
        try {
          const result = await api.request('ui->background:open-sidebar', windowId === null ? {} : { windowId });
          opened = result.opened;
        } catch (cause) {
          setError(toUserFacingError(cause));
          return;
        }
      }
      if (opened) host.close();
      else setError({ kind: 'config', message: t('popup_sidebarFailed'), retryable: false });
    });
  };

  const openOptions = () => {
    host.openOptions();
    host.close();
  };

  const openShortcutSettings = async () => {
    if (await shortcuts.openSettings()) host.close();
  };

  const loading = !assistants.loaded;
  const empty = assistants.loaded && assistants.assistants.length === 0 && !assistants.error;

  return (
    <main class="popup" aria-busy={loading}>
      <header class="popup-header">
        <h1>Aside</h1>
        <button type="button" class="button button-quiet" data-testid="open-options" onClick={openOptions}>
          {t('popup_settings')}
        </button>
      </header>

      {loading ? (
        <p class="muted" role="status" data-testid="popup-loading">
          {t('popup_loading')}
        </p>
      ) : null}

      {assistants.error ? <ErrorNotice error={assistants.error} onRetry={() => void assistants.reload()} /> : null}

      {empty ? (
        <div class="notice notice-warn" data-testid="popup-empty">
          <p>{t('popup_empty')}</p>
          <button type="button" class="button button-primary" data-testid="add-assistant" onClick={openOptions}>
            {t('popup_addAssistant')}
          </button>
        </div>
      ) : null}

      {assistants.assistants.length > 0 ? (
        <section aria-labelledby="picker-title">
          <h2 id="picker-title" class="section-title">
            {t('popup_pickerTitle')}
          </h2>
          <AssistantPicker
            assistants={assistants.assistants}
            activeId={assistants.activeId}
            reachabilityOf={reachability.stateOf}
            onSelect={(id) => void select(id)}
          />
          {reachability.hasUnchecked ? (
            <button type="button" class="button button-quiet check-connections" data-testid="check-connections" onClick={reachability.checkRemote}>
              {t('popup_checkConnections')}
            </button>
          ) : null}
        </section>
      ) : null}

      {assistants.assistants.length > 1 ? (
        <ChatAssistantChoice api={api} tabId={tabId} assistants={assistants.assistants} active={assistants.active} />
      ) : null}

      {error ? <ErrorNotice error={error} /> : null}

      <button type="button" class="button button-primary open-sidebar" data-testid="open-sidebar" onClick={openSidebar}>
        {t('popup_openSidebar')}
      </button>

      <footer class="popup-footer">
        <h2 id="shortcuts-title" class="section-title">
          {t('popup_shortcutsTitle')}
        </h2>
        <ShortcutList
          compact
          shortcuts={shortcuts.shortcuts}
          targetBrowser={host.targetBrowser}
          error={shortcuts.error}
          onOpenSettings={() => void openShortcutSettings()}
        />
      </footer>
    </main>
  );
}
