import { useCallback, useRef } from 'preact/hooks';

/**
 * A callback whose identity never changes but which always calls the latest `callback`: memoised children
 * that take it as a prop are not rendered again on every parent render (each frame of a streaming answer).
 */
export function useStableCallback<Args extends unknown[], Result>(callback: (...args: Args) => Result): (...args: Args) => Result {
  const latest = useRef(callback);
  latest.current = callback;
  return useCallback((...args: Args) => latest.current(...args), []);
}
