import { describe, expect, it, vi } from 'vitest';
import { pendingActionsFrom, type SessionAreaLike } from './pending-action';

function fakeArea(initial: Record<string, unknown> = {}) {
  const data = { ...initial };
  const listeners = new Set<(changes: Record<string, { newValue?: unknown }>) => void>();
  const area: SessionAreaLike = {
    get: async (key) => (key in data ? { [key]: data[key] } : {}),
    remove: async (key) => void delete data[key],
    onChanged: { addListener: (l) => listeners.add(l), removeListener: (l) => listeners.delete(l) },
  };
  const set = (value: unknown) => {
    data.pendingAction = value;
    listeners.forEach((listener) => listener({ pendingAction: { newValue: value } }));
  };
  return { area, data, set };
}

describe('pending shortcut actions', () => {
  it('takes an action left for this tab before the sidebar opened, once', async () => {
    const { area, data } = fakeArea({ pendingAction: { tabId: 4, task: 'reply', createdAt: 1000 } });
    const onAction = vi.fn();
    pendingActionsFrom(area, () => 2000).watch(4, onAction);
    await vi.waitFor(() => expect(onAction).toHaveBeenCalledOnce());
    expect(data.pendingAction).toBeUndefined();
  });

  it('takes an action that arrives while the sidebar is open', () => {
    const { area, set } = fakeArea();
    const onAction = vi.fn();
    pendingActionsFrom(area, () => 2000).watch(4, onAction);
    set({ tabId: 4, task: 'reply', createdAt: 1990 });
    expect(onAction).toHaveBeenCalledWith({ tabId: 4, task: 'reply', createdAt: 1990 });
  });

  it.each([
    ['another tab', { tabId: 5, task: 'reply', createdAt: 1990 }],
    ['a stale action', { tabId: 4, task: 'reply', createdAt: -20_000 }],
    ['an unknown task', { tabId: 4, task: 'send', createdAt: 1990 }],
    ['garbage', 'reply'],
  ])('ignores %s', (_name, value) => {
    const { area, set } = fakeArea();
    const onAction = vi.fn();
    pendingActionsFrom(area, () => 2000).watch(4, onAction);
    set(value);
    expect(onAction).not.toHaveBeenCalled();
  });

  it('stops watching when disposed', () => {
    const { area, set } = fakeArea();
    const onAction = vi.fn();
    pendingActionsFrom(area, () => 2000).watch(4, onAction)();
    set({ tabId: 4, task: 'reply', createdAt: 1990 });
    expect(onAction).not.toHaveBeenCalled();
  });
});

describe('pending catch-up', () => {
  it('takes a "catch up" left by its shortcut', () => {
    const { area, set } = fakeArea();
    const onAction = vi.fn();
    pendingActionsFrom(area, () => 2000).watch(4, onAction);
    set({ tabId: 4, task: 'summarize', createdAt: 1990 });
    expect(onAction).toHaveBeenCalledWith({ tabId: 4, task: 'summarize', createdAt: 1990 });
  });

  it('ignores a task no shortcut starts (ask needs a typed question)', () => {
    const { area, set } = fakeArea();
    const onAction = vi.fn();
    pendingActionsFrom(area, () => 2000).watch(4, onAction);
    set({ tabId: 4, task: 'ask', createdAt: 1990 });
    expect(onAction).not.toHaveBeenCalled();
  });
});
