import { describe, expect, it, vi } from 'vitest';
import { detectSidebarApis, openSidebar } from './open-sidebar';

describe('detectSidebarApis', () => {
  it('finds Chrome’s side panel and Firefox’s sidebar, and nothing elsewhere', () => {
    const open = async () => undefined;
    expect(detectSidebarApis({ chrome: { sidePanel: { open } } }).sidePanel).toBeDefined();
    expect(detectSidebarApis({ browser: { sidebarAction: { open } } }).sidebarAction).toBeDefined();
    expect(detectSidebarApis({})).toEqual({});
    expect(detectSidebarApis({ chrome: {} })).toEqual({});
  });
});

describe('openSidebar', () => {
  it('calls the browser synchronously, inside the gesture', () => {
    const open = vi.fn(async () => undefined);
    void openSidebar({ sidePanel: { open } }, 4);
    expect(open).toHaveBeenCalledWith({ windowId: 4 });
    const sidebarOpen = vi.fn(async () => undefined);
    void openSidebar({ sidebarAction: { open: sidebarOpen } }, null);
    expect(sidebarOpen).toHaveBeenCalledTimes(1);
  });

  it('resolves false when it cannot open', async () => {
    await expect(openSidebar({}, 4)).resolves.toBe(false);
    await expect(openSidebar({ sidePanel: { open: async () => undefined } }, null)).resolves.toBe(false);
    await expect(
      openSidebar({ sidePanel: { open: () => Promise.reject(new Error('needs a user gesture')) } }, 4),
    ).resolves.toBe(false);
    await expect(openSidebar({ sidePanel: { open: async () => undefined } }, 4)).resolves.toBe(true);
  });
});
