/**
 * One abort signal per request attempt that fires when the caller cancels or when a deadline passes.
 * The reason tells the two apart: the caller's own reason, or a DeadlineExceeded naming the phase,
 * so a timeout becomes ProviderError('timeout') while a cancel is rethrown untouched.
 */

export type DeadlinePhase = 'first-byte' | 'stall';

export class DeadlineExceeded extends Error {
  override readonly name = 'DeadlineExceeded';
  constructor(
    readonly phase: DeadlinePhase,
    readonly afterMs: number,
  ) {
    super(`No ${phase === 'first-byte' ? 'response' : 'data'} within ${afterMs} ms`);
  }
}

export interface Watchdog {
  /** Pass to fetch and to every wait of this attempt. */
  readonly signal: AbortSignal;
  /** Starts (or restarts) the single deadline. */
  arm(phase: DeadlinePhase, ms: number): void;
  disarm(): void;
  /** The deadline that fired, if one did. */
  readonly expired: DeadlineExceeded | undefined;
  /** Clears the timer and stops listening to the caller; also aborts the attempt's fetch if still open. */
  dispose(): void;
}

export function createWatchdog(callerSignal: AbortSignal): Watchdog {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let expired: DeadlineExceeded | undefined;

  const forwardCallerAbort = () => controller.abort(callerSignal.reason);
  if (callerSignal.aborted) forwardCallerAbort();
  else callerSignal.addEventListener('abort', forwardCallerAbort, { once: true });

  const disarm = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };

  return {
    signal: controller.signal,
    get expired() {
      return expired;
    },
    arm(phase, ms) {
      disarm();
      if (controller.signal.aborted) return;
      timer = setTimeout(() => {
        timer = undefined;
        expired = new DeadlineExceeded(phase, ms);
        controller.abort(expired);
      }, ms);
    },
    disarm,
    dispose() {
      disarm();
      callerSignal.removeEventListener('abort', forwardCallerAbort);
      // Nothing may outlive the attempt: an open connection is closed, a pending read is released.
      if (!controller.signal.aborted) controller.abort(new DOMException('The request attempt ended', 'AbortError'));
    },
  };
}
