import { describe, expect, it } from 'vitest';
import { activeTabTracker, fixedTabTracker, parseTabParam, type BoundTabEvent, type TabsLike } from './tab-tracker';

function fakeEvent<F extends (...args: never[]) => void>() {
  const listeners = new Set<F>();
  return {
    addListener: (listener: F) => void listeners.add(listener),
    removeListener: (listener: F) => void listeners.delete(listener),
    fire: (...args: Parameters<F>) => listeners.forEach((listener) => listener(...args)),
    get size() {
      return listeners.size;
    },
  };
}

function fakeTabs(windowId: number, activeTabId: number) {
  const onActivated = fakeEvent<(info: { tabId: number; windowId: number }) => void>();
  const onUpdated = fakeEvent<(tabId: number, changeInfo: { status?: string; url?: string }) => void>();
  const api: TabsLike = {
    windows: { getCurrent: async () => ({ id: windowId }) },
    tabs: {
      query: async (query) => (query.windowId === windowId ? [{ id: activeTabId }] : []),
      onActivated,
      onUpdated,
    },
  };
  return { api, onActivated, onUpdated };
}

describe('parseTabParam', () => {
  it('reads a tab id and rejects anything else', () => {
    expect(parseTabParam('?tab=42')).toBe(42);
    expect(parseTabParam('?tab=0')).toBe(0);
    expect(parseTabParam('')).toBeNull();
    expect(parseTabParam('?tab=-1')).toBeNull();
    expect(parseTabParam('?tab=4x')).toBeNull();
    expect(parseTabParam('?tab=')).toBeNull();
  });
});

describe('activeTabTracker', () => {
  it('starts at the active tab of its window and follows activation there only', async () => {
    const { api, onActivated, onUpdated } = fakeTabs(3, 30);
    const events: BoundTabEvent[] = [];
    const unsubscribe = activeTabTracker(api).subscribe((event) => events.push(event));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(events).toEqual([{ tabId: 30, reason: 'initial' }]);

    onActivated.fire({ tabId: 99, windowId: 4 });
    onActivated.fire({ tabId: 31, windowId: 3 });
    onUpdated.fire(30, { status: 'complete' });
    onUpdated.fire(31, { title: 'x' } as { status?: string });
    onUpdated.fire(31, { status: 'complete' });
    expect(events.slice(1)).toEqual([
      { tabId: 31, reason: 'activated' },
      { tabId: 31, reason: 'updated' },
    ]);

    unsubscribe();
    expect(onActivated.size).toBe(0);
    expect(onUpdated.size).toBe(0);
  });
});

describe('fixedTabTracker', () => {
  it('stays on its tab and reports when that tab navigates', () => {
    const { api, onUpdated } = fakeTabs(3, 30);
    const events: BoundTabEvent[] = [];
    const unsubscribe = fixedTabTracker(8, api).subscribe((event) => events.push(event));
    onUpdated.fire(9, { status: 'complete' });
    onUpdated.fire(8, { url: 'https://web.whatsapp.com/' });
    expect(events).toEqual([
      { tabId: 8, reason: 'initial' },
      { tabId: 8, reason: 'updated' },
    ]);
    unsubscribe();
    expect(onUpdated.size).toBe(0);
  });
});
