import { describe, expect, it, vi } from 'vitest';
import { createGuardedFetch, type EgressEntry } from './egress';
import { BackgroundError } from './errors';

function guarded(fetchImplementation = vi.fn(async () => new Response('ok', { status: 200 }))) {
  const log: EgressEntry[] = [];
  const fetch = createGuardedFetch({
    allowedOrigin: 'http://127.0.0.1:11434',
    chatKey: 'whatsapp:Ana',
    action: 'reply',
    record: (entry) => log.push(entry),
    fetchImplementation: fetchImplementation as unknown as typeof globalThis.fetch,
    now: () => 1000,
  });
  return { fetch, log, fetchImplementation };
}

describe('egress guard', () => {
  it('lets requests to the configured origin through, without redirects or credentials, and logs them', async () => {
    const { fetch, log, fetchImplementation } = guarded();
    await fetch('http://127.0.0.1:11434/v1/chat/completions', { method: 'POST', body: 'héllo' });
    expect(fetchImplementation).toHaveBeenCalledWith(
      'http://127.0.0.1:11434/v1/chat/completions',
      expect.objectContaining({ redirect: 'error', credentials: 'omit', referrerPolicy: 'no-referrer' }),
    );
    expect(log).toEqual([{ time: 1000, origin: 'http://127.0.0.1:11434', method: 'POST', bytes: 6, chatKey: 'whatsapp:Ana', action: 'reply', status: 200 }]);
  });

  it.each([
    'http://127.0.0.2:8099/l.png?d=CANARY',
    'https://127.0.0.1:11434/v1/models',
    'http://127.0.0.1:11435/v1/models',
    'http://127.0.0.1:11434@attacker.test/x',
  ])('blocks %s before any network access', async (url) => {
    const { fetch, log, fetchImplementation } = guarded();
    await expect(fetch(url, { method: 'GET' })).rejects.toBeInstanceOf(BackgroundError);
    expect(fetchImplementation).not.toHaveBeenCalled();
    expect(log).toEqual([]);
  });

  it('logs a failed request too', async () => {
    const { fetch, log } = guarded(vi.fn(async () => { throw new TypeError('Failed to fetch'); }));
    await expect(fetch('http://127.0.0.1:11434/v1/models', { method: 'GET' })).rejects.toThrow('Failed to fetch');
    expect(log).toHaveLength(1);
    expect(log[0]!.status).toBeNull();
  });
});
