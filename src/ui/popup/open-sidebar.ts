/**
 * The two browser-specific ways to open Aside's sidebar from the popup. Both must run inside the click's
 * user gesture, so the call happens synchronously, before anything is awaited.
 */

export interface SidebarApis {
  /** Chrome's side panel. */
  sidePanel?: { open(options: { windowId: number }): Promise<void> };
  /** Firefox's sidebar. */
  sidebarAction?: { open(): Promise<void> };
}

interface SidebarGlobals {
  browser?: { sidebarAction?: SidebarApis['sidebarAction'] };
  chrome?: { sidePanel?: SidebarApis['sidePanel'] };
}

/** Finds what this browser offers. */
export function detectSidebarApis(scope: unknown = globalThis): SidebarApis {
  const globals = scope as SidebarGlobals;
  const apis: SidebarApis = {};
  const sidebarAction = globals.browser?.sidebarAction;
  if (sidebarAction && typeof sidebarAction.open === 'function') apis.sidebarAction = sidebarAction;
  const sidePanel = globals.chrome?.sidePanel;
  if (sidePanel && typeof sidePanel.open === 'function') apis.sidePanel = sidePanel;
  return apis;
}

/**
 * Opens the sidebar with whichever API exists; resolves false when neither could be used here (then the
 * caller may ask the background instead). Call it straight from the click handler.
 */
export function openSidebar(apis: SidebarApis, windowId: number | null): Promise<boolean> {
  let opening: Promise<void> | null = null;
  try {
    if (apis.sidebarAction) opening = apis.sidebarAction.open();
    else if (apis.sidePanel && windowId !== null) opening = apis.sidePanel.open({ windowId });
  } catch {
    opening = null;
  }
  if (!opening) return Promise.resolve(false);
  return opening.then(
    () => true,
    () => false,
  );
}
