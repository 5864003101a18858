import { describe, expect, it } from 'vitest';
import { adapterForUrl, supportedSites } from './registry';

describe('adapterForUrl', () => {
  it.each(['https://web.whatsapp.com/', 'https://web.whatsapp.com', 'https://web.whatsapp.com/send?phone=1'])(
    'picks WhatsApp for %s',
    (url) => {
      expect(adapterForUrl(url)?.id).toBe('whatsapp');
    },
  );

  it.each([
    'http://web.whatsapp.com/',
    'https://web.whatsapp.com:8443/',
    'https://web.whatsapp.com.evil.test/',
    'https://evil.test/web.whatsapp.com/',
    'https://whatsapp.com/',
    'https://www.messenger.com/',
    'file:///tmp/chat.html',
    'not a url',
    '',
  ])('has nothing for %s', (url) => {
    expect(adapterForUrl(url)).toBeNull();
  });
});

describe('supportedSites', () => {
  it('lists the addresses users open, each of which the registry accepts', () => {
    expect(supportedSites()).toEqual(['https://web.whatsapp.com/']);
    for (const site of supportedSites()) expect(adapterForUrl(site)).not.toBeNull();
  });
});
