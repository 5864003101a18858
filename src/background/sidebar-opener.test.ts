import { describe, expect, it, vi } from 'vitest';
import { openSidebarForWindow } from './sidebar-opener';

describe('openSidebarForWindow', () => {
  it('opens Chrome’s side panel in the given window', async () => {
    const open = vi.fn(async () => undefined);
    await openSidebarForWindow(7, { chrome: { sidePanel: { open } } });
    expect(open).toHaveBeenCalledWith({ windowId: 7 });
  });

  it('opens Firefox’s sidebar, which needs no window, even where a chrome namespace exists', async () => {
    const open = vi.fn(async () => undefined);
    await openSidebarForWindow(undefined, { browser: { sidebarAction: { open } }, chrome: {} });
    expect(open).toHaveBeenCalledTimes(1);
  });

  it('calls the browser synchronously, inside the gesture', () => {
    const open = vi.fn(async () => undefined);
    void openSidebarForWindow(3, { chrome: { sidePanel: { open } } });
    expect(open).toHaveBeenCalledTimes(1);
  });

  it('rejects, never throws, when nothing can open', async () => {
    await expect(openSidebarForWindow(1, {})).rejects.toThrow(/no sidebar API/);
    await expect(openSidebarForWindow(1, { chrome: { sidePanel: {} } })).rejects.toThrow(/no sidebar API/);
    await expect(openSidebarForWindow(undefined, { chrome: { sidePanel: { open: async () => undefined } } })).rejects.toThrow(
      /window/,
    );
    const throwing = () => {
      throw new Error('sidebarAction.open may only be called from a user input handler');
    };
    await expect(openSidebarForWindow(1, { browser: { sidebarAction: { open: throwing } } })).rejects.toThrow(/user input/);
  });
});
