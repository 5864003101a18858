import { describe, expect, it } from 'vitest';
import { buildManifest } from '../../manifest.config';
import { COMMAND_TASKS, pendingActionFor } from './pending-action';

describe('commands that start an action', () => {
  it('leaves "suggest replies" and "catch up" for the tab the command came from', () => {
    expect(pendingActionFor('suggest-replies', 4, 1000)).toEqual({ tabId: 4, task: 'reply', createdAt: 1000 });
    expect(pendingActionFor('catch-up', 4, 1000)).toEqual({ tabId: 4, task: 'summarize', createdAt: 1000 });
  });

  it('leaves nothing for opening the sidebar, an unknown command, or no tab', () => {
    expect(pendingActionFor('open-sidebar', 4, 1000)).toBeNull();
    expect(pendingActionFor('toString', 4, 1000)).toBeNull();
    expect(pendingActionFor('catch-up', undefined, 1000)).toBeNull();
  });

  it.each(['chrome', 'firefox'] as const)('declares every such command, with a key, in the %s manifest', (target) => {
    const commands = (buildManifest(target) as { commands?: Record<string, { suggested_key?: { default?: string } }> }).commands ?? {};
    for (const command of Object.keys(COMMAND_TASKS)) expect(commands[command]?.suggested_key?.default).toMatch(/^Alt\+Shift\+[A-Z]$/);
    expect(commands['catch-up']?.suggested_key?.default).toBe('Alt+Shift+U');
  });
});
