import { describe, expect, it, vi } from 'vitest';
import { dataTransmissionAllowed, withDataConsent } from './data-consent';
import { BackgroundError } from './errors';

const permissionsWith = (dataCollection?: string[]) => ({
  getAll: async () => (dataCollection === undefined ? {} : { data_collection: dataCollection }),
});

describe('Firefox data consent at the point of sending', () => {
  it('allows sending where the browser has no built-in data consent (Chrome)', async () => {
    expect(await dataTransmissionAllowed(permissionsWith(undefined))).toBe(true);
  });

  it('needs every declared type granted', async () => {
    expect(await dataTransmissionAllowed(permissionsWith(['personalCommunications', 'websiteContent']))).toBe(true);
    expect(await dataTransmissionAllowed(permissionsWith(['websiteContent']))).toBe(false);
    expect(await dataTransmissionAllowed(permissionsWith([]))).toBe(false);
  });

  it('refuses before calling fetch while consent is withheld, and says how to turn it on', async () => {
    const fetchImplementation = vi.fn(async () => new Response('ok'));
    const guarded = withDataConsent(permissionsWith(['websiteContent']), fetchImplementation as unknown as typeof fetch);
    const failure = await guarded('https://api.example.com/v1/chat/completions', { method: 'POST', body: '{}' }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(BackgroundError);
    expect((failure as BackgroundError).userError).toMatchObject({ kind: 'config', retryable: false });
    expect((failure as BackgroundError).userError.hint).toContain('about:addons');
    expect(fetchImplementation).not.toHaveBeenCalled();
  });

  it('passes the request through unchanged once granted', async () => {
    const fetchImplementation = vi.fn(async () => new Response('ok'));
    const guarded = withDataConsent(permissionsWith(['personalCommunications', 'websiteContent']), fetchImplementation as unknown as typeof fetch);
    const init = { method: 'POST', body: '{}' };
    expect(await (await guarded('https://api.example.com/v1', init)).text()).toBe('ok');
    expect(fetchImplementation).toHaveBeenCalledWith('https://api.example.com/v1', init);
  });
});
