/**
 * Replays a recorded response body through a provider, delivered in chunks of a chosen size, and
 * collects what the provider made of it. Test-only; nothing in the extension imports this.
 */
import { readFileSync } from 'node:fs';
import type { LanguageModelProvider, ProviderConfig, StreamPart } from '../types';
import { chunkedBody, collectUntilError, scriptedFetch } from './fake-fetch';

/** 1 byte splits every line and UTF-8 sequence; odd sizes land anywhere; the largest is one chunk. */
export const CHUNK_SIZES = [1, 2, 3, 5, 7, 13, 64, 1024, Number.MAX_SAFE_INTEGER];

export interface Replay {
  parts: StreamPart[];
  error: unknown;
  text: string;
  finish: StreamPart[];
  warnings: StreamPart[];
}

export async function replayFixture(
  create: (config: ProviderConfig) => LanguageModelProvider,
  fixtureUrl: URL,
  chunkSize: number,
  contentType: string,
  config: Partial<ProviderConfig> = {},
): Promise<Replay> {
  const bytes = readFileSync(fixtureUrl);
  const fetch = scriptedFetch(new Response(chunkedBody(bytes, chunkSize), { status: 200, headers: { 'Content-Type': contentType } }));
  const provider = create({
    baseUrl: 'https://api.example.test/v1',
    model: 'test-model',
    apiKey: 'test-key',
    fetch,
    // A failed replay must fail the test, not be retried against an empty script.
    retry: { maxRetries: 0 },
    ...config,
  });
  const result = await collectUntilError(provider.doStream({ messages: [{ role: 'user', content: 'Hi' }], signal: new AbortController().signal }));
  return {
    ...result,
    text: textOf(result.parts),
    finish: result.parts.filter((part) => part.type === 'finish'),
    warnings: result.parts.filter((part) => part.type === 'warning'),
  };
}

export function textOf(parts: StreamPart[]): string {
  return parts.map((part) => (part.type === 'text-delta' ? part.text : '')).join('');
}
