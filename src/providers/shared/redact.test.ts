// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { cleanProviderMessage, redactSecrets } from './redact';

describe('redactSecrets', () => {
  it('masks the configured key and secret-shaped strings', () => {
    expect(redactSecrets('key my-own-key-42 was wrong', 'my-own-key-42')).toBe('key [redacted] was wrong');
    expect(redactSecrets('Incorrect API key provided: sk-proj-abcdEFGH1234')).toBe('Incorrect API key provided: [redacted]');
    expect(redactSecrets('header Bearer abcdefgh12345678')).toBe('header [redacted]');
  });

  it('leaves ordinary text alone', () => {
    expect(redactSecrets('The model `gpt-x` does not exist', 'k')).toBe('The model `gpt-x` does not exist');
  });
});

describe('cleanProviderMessage', () => {
  it('collapses whitespace and shortens', () => {
    expect(cleanProviderMessage(' a\n\n b ')).toBe('a b');
    const long = cleanProviderMessage('y'.repeat(500));
    expect(long).toHaveLength(300);
    expect(long.endsWith('…')).toBe(true);
  });
});
