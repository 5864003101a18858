/**
 * Opens the sidebar from a command. Chrome has sidePanel, Firefox sidebarAction; each must be
 * called straight from the user's gesture, so nothing is awaited before the call.
 */
interface SidePanelApi {
  open(options: { windowId?: number; tabId?: number }): Promise<void>;
}
interface SidebarActionApi {
  open(): Promise<void>;
}

export function openSidebarForWindow(windowId: number | undefined): Promise<void> {
  const globals = globalThis as { chrome?: { sidePanel?: SidePanelApi }; browser?: { sidebarAction?: SidebarActionApi } };
  const sidePanel = globals.chrome?.sidePanel;
  if (sidePanel && windowId !== undefined) return sidePanel.open({ windowId });
  const sidebarAction = globals.browser?.sidebarAction;
  if (sidebarAction) return sidebarAction.open();
  return Promise.reject(new Error('This browser has no sidebar API Aside can open.'));
}
