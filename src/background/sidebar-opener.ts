/**
 * Opens the sidebar from a command or a UI request. Chrome has `chrome.sidePanel`, Firefox
 * `browser.sidebarAction`; neither exists in the other browser, so each is feature-detected at run
 * time (never assumed from the build target), and web-ext lint sees no static sidePanel call. Each must
 * be called straight from the user's gesture, so nothing is awaited before the call.
 */
interface SidePanelApi {
  open(options: { windowId?: number; tabId?: number }): Promise<void>;
}
interface SidebarActionApi {
  open(): Promise<void>;
}
interface SidebarGlobals {
  chrome?: { sidePanel?: Partial<SidePanelApi> };
  browser?: { sidebarAction?: Partial<SidebarActionApi> };
}

/** `scope` is the global object; tests pass a stand-in. */
export function openSidebarForWindow(windowId: number | undefined, scope: unknown = globalThis): Promise<void> {
  const globals = scope as SidebarGlobals;
  try {
    // Firefox first: its sidebar needs no window id (it opens in the window of the gesture).
    const sidebarAction = globals.browser?.sidebarAction;
    if (typeof sidebarAction?.open === 'function') return Promise.resolve(sidebarAction.open());
    const sidePanel = globals.chrome?.sidePanel;
    if (typeof sidePanel?.open === 'function') {
      if (windowId === undefined) return Promise.reject(new Error('Chrome’s side panel needs a window to open in.'));
      return Promise.resolve(sidePanel.open({ windowId }));
    }
  } catch (error) {
    // A synchronous throw (e.g. "may only be called in response to a user action") becomes a rejection,
    // so callers that `.catch()` see every failure.
    return Promise.reject(error);
  }
  return Promise.reject(new Error('This browser has no sidebar API Aside can open.'));
}
