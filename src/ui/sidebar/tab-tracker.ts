/**
 * Which tab the sidebar works on. Opened as a page with `?tab=<id>` it is bound to that tab; opened as
 * the browser's side panel or sidebar it follows the active tab of its own window.
 */

export interface BoundTabEvent {
  /** null when the window has no usable tab. */
  tabId: number | null;
  /** `updated`: the same tab navigated, so whatever was read from it is stale. */
  reason: 'initial' | 'activated' | 'updated';
}

export interface TabTracker {
  subscribe(listener: (event: BoundTabEvent) => void): () => void;
}

interface EventLike<F> {
  addListener(listener: F): void;
  removeListener(listener: F): void;
}

type ActivatedListener = (info: { tabId: number; windowId: number }) => void;
type UpdatedListener = (tabId: number, changeInfo: { status?: string; url?: string }) => void;

/** The part of `browser.tabs` / `browser.windows` the tracker uses. */
export interface TabsLike {
  windows: { getCurrent(): Promise<{ id?: number }> };
  tabs: {
    query(query: { active: true; windowId: number }): Promise<Array<{ id?: number }>>;
    onActivated: EventLike<ActivatedListener>;
    onUpdated: EventLike<UpdatedListener>;
  };
}

/** The `tab` query parameter as a tab id, or null when absent or not a tab id. */
export function parseTabParam(search: string): number | null {
  const raw = new URLSearchParams(search).get('tab');
  if (raw === null || !/^\d{1,12}$/.test(raw)) return null;
  return Number(raw);
}

function isNavigation(changeInfo: { status?: string; url?: string }): boolean {
  return changeInfo.status === 'complete' || typeof changeInfo.url === 'string';
}

/** Bound to one tab for the page's life. */
export function fixedTabTracker(tabId: number, api?: Pick<TabsLike, 'tabs'>): TabTracker {
  return {
    subscribe(listener) {
      listener({ tabId, reason: 'initial' });
      const onUpdated: UpdatedListener = (updatedId, changeInfo) => {
        if (updatedId === tabId && isNavigation(changeInfo)) listener({ tabId, reason: 'updated' });
      };
      api?.tabs.onUpdated.addListener(onUpdated);
      return () => api?.tabs.onUpdated.removeListener(onUpdated);
    },
  };
}

/** Follows the active tab of the window this page lives in. */
export function activeTabTracker(api: TabsLike): TabTracker {
  return {
    subscribe(listener) {
      let closed = false;
      let windowId: number | null = null;
      let current: number | null = null;

      const emit = (tabId: number | null, reason: BoundTabEvent['reason']) => {
        if (closed) return;
        current = tabId;
        listener({ tabId, reason });
      };
      const onActivated: ActivatedListener = (info) => {
        if (windowId !== null && info.windowId === windowId && info.tabId !== current) emit(info.tabId, 'activated');
      };
      const onUpdated: UpdatedListener = (tabId, changeInfo) => {
        if (tabId === current && isNavigation(changeInfo)) emit(tabId, 'updated');
      };
      api.tabs.onActivated.addListener(onActivated);
      api.tabs.onUpdated.addListener(onUpdated);

      void (async () => {
        try {
          const win = await api.windows.getCurrent();
          if (typeof win.id !== 'number') return emit(null, 'initial');
          windowId = win.id;
          const [tab] = await api.tabs.query({ active: true, windowId: win.id });
          emit(typeof tab?.id === 'number' ? tab.id : null, 'initial');
        } catch {
          emit(null, 'initial');
        }
      })();

      return () => {
        closed = true;
        api.tabs.onActivated.removeListener(onActivated);
        api.tabs.onUpdated.removeListener(onUpdated);
      };
    },
  };
}
