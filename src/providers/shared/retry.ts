/**
 * Automatic retry of transient failures, only while nothing has been shown to the user: once a text
 * delta is out, a retry would repeat or contradict it, so later failures go straight to the consumer.
 */
import { wording, wordingOf, type WordedText } from '../../shared/wording';
import { ProviderError, type ProviderWarning, type RetryPolicy, type StreamPart } from '../types';
import { sleep } from './abort';

export type ResolvedRetryPolicy = Required<RetryPolicy>;

export const DEFAULT_RETRY_POLICY: ResolvedRetryPolicy = {
  maxRetries: 2,
  baseDelayMs: 500,
  maxDelayMs: 8_000,
  maxRetryAfterMs: 15_000,
};

export function resolveRetryPolicy(policy: RetryPolicy = {}): ResolvedRetryPolicy {
  return { ...DEFAULT_RETRY_POLICY, ...withoutUndefined(policy) };
}

/** Rate limits, server errors and unreachable servers may pass on their own; nothing else will. */
export function isTransientFailure(error: unknown): error is ProviderError {
  return error instanceof ProviderError && (error.kind === 'rate-limit' || error.kind === 'server' || error.kind === 'network');
}

/**
 * The wait before retry number `retryIndex` (0-based), or undefined when the server asks for a longer
 * wait than we are willing to make the user sit through.
 */
export function retryDelayMs(
  error: ProviderError,
  retryIndex: number,
  policy: ResolvedRetryPolicy,
  random: () => number = Math.random,
): number | undefined {
  const asked = error.details.retryAfterMs;
  if (asked !== undefined) return asked <= policy.maxRetryAfterMs ? asked : undefined;
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retryIndex);
  // Jitter keeps several tabs that failed together from retrying in lockstep.
  return Math.round(exponential * (0.75 + 0.25 * random()));
}

/**
 * Runs `attempt` and passes its parts through; when it fails transiently before its first text delta,
 * yields a `retrying` warning (so the UI can say why nothing shows yet), waits and runs it again, at
 * most `policy.maxRetries` more times. Abort during the wait throws the signal's reason.
 */
export async function* retryBeforeOutput(
  attempt: () => AsyncIterable<StreamPart>,
  policy: ResolvedRetryPolicy,
  signal: AbortSignal,
): AsyncGenerator<StreamPart> {
  for (let retryIndex = 0; ; retryIndex++) {
    let outputStarted = false;
    try {
      for await (const part of attempt()) {
        if (part.type === 'text-delta') outputStarted = true;
        yield part;
      }
      return;
    } catch (error) {
      if (outputStarted || signal.aborted || retryIndex >= policy.maxRetries || !isTransientFailure(error)) throw error;
      const delay = retryDelayMs(error, retryIndex, policy);
      if (delay === undefined) throw error;
      yield { type: 'warning', warning: retryingWarning(error, delay, retryIndex + 1) };
      await sleep(delay, signal);
    }
  }
}

/** "Rate limited; retrying in 3 s": what happened, and how long the wait is, in whole seconds. */
export function retryingWarning(error: ProviderError, delayMs: number, attempt: number): ProviderWarning {
  const seconds = Math.max(1, Math.ceil(delayMs / 1000));
  const words = retryingWords(error, seconds);
  if (typeof words === 'string') return { type: 'retrying', message: words, retryInMs: delayMs, attempt };
  return { type: 'retrying', message: words.text, retryInMs: delayMs, attempt, wording: wordingOf(words)! };
}

/** The sentence for the wait; a network failure other than "could not reach" keeps its own (English) words. */
function retryingWords(error: ProviderError, seconds: number): WordedText | string {
  if (error.kind === 'rate-limit') return wording('error_noticeRateLimitedRetry', seconds);
  if (error.kind === 'network') {
    const origin = error.messageWording?.key === 'error_unreachable' ? error.messageWording.args[0] : undefined;
    return origin !== undefined ? wording('error_noticeUnreachableRetry', origin, seconds) : `${error.message.replace(/\.$/, '')}; retrying in ${seconds} s`;
  }
  return error.details.status !== undefined
    ? wording('error_noticeProviderProblemStatusRetry', error.details.status, seconds)
    : wording('error_noticeProviderProblemRetry', seconds);
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as Partial<T>;
}
