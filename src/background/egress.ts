/**
 * The one gate every outbound request passes through. It allows exactly one origin, the
 * configured provider's, follows no redirects (a redirect could carry the chat elsewhere), sends no
 * cookies or referrer, and records each request in the egress log the options page shows.
 */
import type { GuardedFetch } from '../providers/types';
import type { EgressLogEntry } from '../shared/protocol';
import { BackgroundError, userError } from './errors';
import { wording } from '../shared/wording';

/** What the guard records for one request; storage adds the row id. */
export type EgressEntry = Omit<EgressLogEntry, 'id'>;

export interface EgressContext {
  allowedOrigin: string;
  chatKey: string | null;
  action: string;
  record(entry: EgressEntry): void;
  fetchImplementation?: typeof fetch;
  now?: () => number;
}

export function createGuardedFetch(context: EgressContext): GuardedFetch {
  const fetchImplementation = context.fetchImplementation ?? globalThis.fetch.bind(globalThis);
  const now = context.now ?? Date.now;
  return async (url, init) => {
    let origin: string;
    try {
      origin = new URL(url).origin;
    } catch {
      throw new BackgroundError(userError('config', wording('error_egressInvalidAddress', url)));
    }
    if (origin !== context.allowedOrigin) {
      throw new BackgroundError(
        userError('config', wording('error_egressBlocked', origin, context.allowedOrigin)),
      );
    }
    const entry: EgressEntry = {
      time: now(),
      origin,
      method: (init.method ?? 'GET').toUpperCase(),
      bytes: bodySize(init.body),
      chatKey: context.chatKey,
      action: context.action,
      status: null,
    };
    try {
      const response = await fetchImplementation(url, {
        ...init,
        redirect: 'error',
        credentials: 'omit',
        referrerPolicy: 'no-referrer',
        cache: 'no-store',
      });
      entry.status = response.status;
      return response;
    } finally {
      context.record(entry);
    }
  };
}

function bodySize(body: RequestInit['body']): number {
  if (body == null) return 0;
  if (typeof body === 'string') return new TextEncoder().encode(body).byteLength;
  if (body instanceof ArrayBuffer) return body.byteLength;
  if (ArrayBuffer.isView(body)) return body.byteLength;
  if (body instanceof Blob) return body.size;
  return 0;
}
