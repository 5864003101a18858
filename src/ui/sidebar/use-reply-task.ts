import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { TaskHandle, TaskStartInfo, UiApi } from '../api';
import type { UserFacingError } from '../../shared/errors';
import { SUGGESTION_COUNT, splitSuggestions } from '../../assistant/suggestions';
import { nextFrame, type FrameScheduler } from '../common/frame';

export type ReplyPhase = 'idle' | 'streaming' | 'done' | 'stopped' | 'error';

export interface ReplyTaskState {
  phase: ReplyPhase;
  /** Counts runs, so a view can key what belongs to one run. */
  run: number;
  /** The tab the suggestions were written for: Insert goes there, whatever the sidebar shows now. */
  tabId: number | null;
  suggestions: string[];
  source: TaskStartInfo | null;
  error: UserFacingError | null;
  finishReason: string | null;
}

const IDLE: ReplyTaskState = {
  phase: 'idle',
  run: 0,
  tabId: null,
  suggestions: [],
  source: null,
  error: null,
  finishReason: null,
};

function sameList(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((item, index) => item === b[index]);
}

function draftsOf(text: string): string[] {
  return splitSuggestions(text).slice(0, SUGGESTION_COUNT);
}

/**
 * Runs the `reply` task and turns its stream into suggestion drafts. Deltas only append to a buffer;
 * the buffer is split into drafts at most once per frame, so a fast stream costs one render a frame.
 */
export function useReplyTask(api: UiApi, scheduleFrame: FrameScheduler = nextFrame) {
  const [state, setState] = useState<ReplyTaskState>(IDLE);
  const handle = useRef<TaskHandle | null>(null);
  const buffer = useRef('');
  const cancelFrame = useRef<(() => void) | null>(null);
  const runRef = useRef(0);

  const dropFrame = () => {
    cancelFrame.current?.();
    cancelFrame.current = null;
  };

  /** Shows what the buffer holds now. */
  const flush = useCallback((run: number) => {
    dropFrame();
    if (run !== runRef.current) return;
    const drafts = draftsOf(buffer.current);
    setState((previous) =>
      previous.run !== run || sameList(previous.suggestions, drafts) ? previous : { ...previous, suggestions: drafts },
    );
  }, []);

  const start = useCallback(
    (tabId: number) => {
      handle.current?.cancel();
      dropFrame();
      const run = ++runRef.current;
      buffer.current = '';
      setState({ ...IDLE, phase: 'streaming', run, tabId });
      const isCurrent = () => run === runRef.current;

      handle.current = api.startTask(tabId, 'reply', {
        onStart(info) {
          if (isCurrent()) setState((previous) => ({ ...previous, source: info }));
        },
        onDelta(text) {
          if (!isCurrent()) return;
          buffer.current += text;
          cancelFrame.current ??= scheduleFrame(() => {
            cancelFrame.current = null;
            flush(run);
          });
        },
        onEnd({ finishReason, suggestions }) {
          if (!isCurrent()) return;
          dropFrame();
          handle.current = null;
          const finals = suggestions?.length ? suggestions.slice(0, SUGGESTION_COUNT) : draftsOf(buffer.current);
          setState((previous) => ({ ...previous, phase: 'done', suggestions: finals, finishReason }));
        },
        onError(error) {
          if (!isCurrent()) return;
          handle.current = null;
          flush(run);
          setState((previous) => ({ ...previous, phase: 'error', error }));
        },
      });
    },
    [api, scheduleFrame, flush],
  );

  /** Cancels the stream; what arrived so far stays. */
  const stop = useCallback(() => {
    if (!handle.current) return;
    handle.current.cancel();
    handle.current = null;
    flush(runRef.current);
    setState((previous) => (previous.phase === 'streaming' ? { ...previous, phase: 'stopped' } : previous));
  }, [flush]);

  /** Forgets the run entirely (the sidebar moved to another tab or chat). */
  const reset = useCallback(() => {
    handle.current?.cancel();
    handle.current = null;
    dropFrame();
    runRef.current++;
    buffer.current = '';
    setState({ ...IDLE, run: runRef.current });
  }, []);

  useEffect(
    () => () => {
      handle.current?.cancel();
      dropFrame();
    },
    [],
  );

  return { state, start, stop, reset };
}
