import { describe, expect, it } from 'vitest';
import { describeAdapterStatus } from './adapter-status';
import type { TabState } from '../../shared/protocol';

const chat = (status: 'ok' | 'degraded' | 'unreadable', messageCount = 42, notes?: string[]): TabState => ({
  supported: true,
  conversation: {
    site: 'whatsapp',
    title: 'Ana',
    isGroup: false,
    messageCount,
    health: notes ? { status, notes } : { status },
  },
});

describe('describeAdapterStatus', () => {
  it('has no status while the answer is on its way', () => {
    expect(describeAdapterStatus({ tabId: undefined, state: null, error: null }).status).toBeUndefined();
    expect(describeAdapterStatus({ tabId: 3, state: null, error: null }).status).toBeUndefined();
  });

  it('names the chat and counts its messages', () => {
    expect(describeAdapterStatus({ tabId: 3, state: chat('ok'), error: null })).toEqual({
      status: 'ok',
      sentence: 'Reading “Ana” · 42 messages',
      notes: [],
    });
    expect(describeAdapterStatus({ tabId: 3, state: chat('ok', 1), error: null }).sentence).toBe('Reading “Ana” · 1 message');
  });

  it('passes health status and notes through', () => {
    const degraded = describeAdapterStatus({ tabId: 3, state: chat('degraded', 42, ['No timestamps']), error: null });
    expect(degraded.status).toBe('degraded');
    expect(degraded.notes[0]).toBe('No timestamps');
    expect(degraded.sentence).toContain('Insert is off');
    // The way to report it: save the page, run the extract command (exactly), attach its output.
    expect(degraded.notes).toContain('npm run extract -- --url https://web.whatsapp.com/ page.html');
    expect(degraded.notes.join(' ')).toMatch(/Ctrl\+S/);
    expect(describeAdapterStatus({ tabId: 3, state: chat('ok'), error: null }).notes.join(' ')).not.toContain('npm run extract');
    expect(describeAdapterStatus({ tabId: 3, state: chat('unreadable'), error: null }).status).toBe('unreadable');
  });

  it('is unsupported without a tab or on another site', () => {
    expect(describeAdapterStatus({ tabId: null, state: null, error: null }).status).toBe('unsupported');
    expect(describeAdapterStatus({ tabId: 3, state: { supported: false }, error: null }).status).toBe('unsupported');
  });

  it('is unreadable when the tab cannot be read', () => {
    const state: TabState = {
      supported: true,
      error: { kind: 'adapter', message: 'No chat is open.', hint: 'Open a chat.', retryable: true },
    };
    expect(describeAdapterStatus({ tabId: 3, state, error: null })).toEqual({
      status: 'unreadable',
      sentence: 'Can’t read this chat: No chat is open.',
      notes: ['Open a chat.'],
    });
    const failed = describeAdapterStatus({
      tabId: 3,
      state: null,
      error: { kind: 'interrupted', message: 'The background worker did not answer.', retryable: true },
    });
    expect(failed.status).toBe('unreadable');
  });
});
