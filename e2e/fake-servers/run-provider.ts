/**
 * Runs a real provider against a fake server over real HTTP with Node's fetch, for the fake servers'
 * own tests: collects the parts, the text and what was thrown.
 */
import type { GuardedFetch, LanguageModelProvider, StreamPart } from '../../src/providers/types';

export const nodeFetch: GuardedFetch = (url, init) => fetch(url, init);

/** Node's fetch sends no Origin; Chrome sends the extension's on every POST. This adds it. */
export function fetchWithOrigin(origin: string): GuardedFetch {
  return (url, init) => fetch(url, { ...init, headers: { ...(init.headers as Record<string, string> | undefined), Origin: origin } });
}

export interface RunResult {
  parts: StreamPart[];
  text: string;
  error: unknown;
  deltas: number;
  warnings: string[];
}

export async function runProvider(provider: LanguageModelProvider, signal = new AbortController().signal): Promise<RunResult> {
  const parts: StreamPart[] = [];
  let error: unknown;
  try {
    for await (const part of provider.doStream({
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Say hello' },
      ],
      signal,
      maxOutputTokens: 50,
      temperature: 0.5,
    })) {
      parts.push(part);
    }
  } catch (caught) {
    error = caught;
  }
  return {
    parts,
    error,
    text: parts.map((part) => (part.type === 'text-delta' ? part.text : '')).join(''),
    deltas: parts.filter((part) => part.type === 'text-delta').length,
    warnings: parts.flatMap((part) => (part.type === 'warning' ? [part.warning.message] : [])),
  };
}
