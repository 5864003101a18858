/** The setup every provider's tests repeat: a provider over a fake fetch, and a one-message chat. */
import type { LanguageModelProvider, ProviderConfig } from '../types';

/**
 * `providerWith(fetch, overrides)` for one provider's tests: the given settings, the fake fetch,
 * retries fast enough for a test to sit through, then the test's own overrides.
 */
export function providerFactory(create: (config: ProviderConfig) => LanguageModelProvider, settings: Omit<ProviderConfig, 'fetch'>) {
  return (fetch: ProviderConfig['fetch'], overrides: Partial<ProviderConfig> = {}): LanguageModelProvider =>
    create({ ...settings, fetch, retry: { baseDelayMs: 1, maxDelayMs: 5 }, ...overrides });
}

/** Streams the chat "Hello" from the user. */
export function streamHello(provider: LanguageModelProvider, signal = new AbortController().signal) {
  return provider.doStream({ messages: [{ role: 'user', content: 'Hello' }], signal });
}
