import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { TaskHandle, TaskStartInfo, UiApi } from '../api';
import type { UserFacingError } from '../../shared/errors';
import { TASK_OUTPUT, type ConsentDecision, type SendPreview, type TaskName, type TaskOptions } from '../../shared/stream-protocol';
import { draftsFor, SUGGESTION_COUNT } from '../../assistant/suggestions';
import { everyOtherFrame, nextFrame, type FrameScheduler } from '../common/frame';
import { loadMarkdownParser } from '../render';

export type TaskPhase = 'idle' | 'streaming' | 'done' | 'stopped' | 'error';

/** What the user asked for: the task and their choices for it. */
export interface TaskRequest {
  task: TaskName;
  options: TaskOptions;
}

export interface TaskRunState {
  phase: TaskPhase;
  /** Counts runs, so a view can key what belongs to one run. */
  run: number;
  /** The tab the run read: Insert goes there, whatever the sidebar shows now. */
  tabId: number | null;
  request: TaskRequest | null;
  /** Drafting tasks (reply, rewrite): the drafts so far. */
  suggestions: string[];
  /** Reading tasks (summary, translation, answer): the answer so far, as Markdown text. */
  output: string;
  /** The links in the chat the model saw; null until the background said. */
  chatUrls: string[] | null;
  /** The message references the prompt gave (catch up, ask): the only citations the answer may show. */
  references: Record<string, string> | null;
  source: TaskStartInfo | null;
  error: UserFacingError | null;
  finishReason: string | null;
  /** What the background asks to send to a remote assistant, awaiting the user's answer; else null. */
  consent: SendPreview | null;
  /** Why the run waits (e.g. retrying after a rate limit); cleared when text arrives. */
  notice: string | null;
  /** While older messages load for the run's scope (before `start`); null otherwise. */
  reading: { loaded: number; target: number } | null;
  /**
   * What the background said about the input before asking the model (e.g. only the newest messages fit
   * its context): true for the whole answer, so shown for the whole run, not only while waiting.
   */
  notes: string[];
}

const IDLE: TaskRunState = {
  phase: 'idle',
  run: 0,
  tabId: null,
  request: null,
  suggestions: [],
  output: '',
  chatUrls: null,
  references: null,
  source: null,
  error: null,
  finishReason: null,
  consent: null,
  notice: null,
  reading: null,
  notes: [],
};

function sameList(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((item, index) => item === b[index]);
}

/** Rewrite and a template give one draft; reply up to SUGGESTION_COUNT. */
function draftLimit(task: TaskName): number {
  return task === 'rewrite' || task === 'template' ? 1 : SUGGESTION_COUNT;
}

/** The buffer as the run shows it: drafts for drafting tasks, the text itself otherwise. */
function shownFrom(task: TaskName, buffer: string): Pick<TaskRunState, 'suggestions' | 'output'> {
  return TASK_OUTPUT[task] === 'drafts' ? { suggestions: draftsFor(task, buffer), output: '' } : { suggestions: [], output: buffer };
}

/**
 * Runs one task at a time and turns its stream into what the sidebar shows. Deltas only append to a
 * buffer; the buffer becomes drafts or output text at the next frame for the first token, then at most
 * every other frame, so a fast stream costs one render (and one Markdown parse of the last block) per two
 * frames.
 */
export function useTask(
  api: UiApi,
  scheduleFrame: FrameScheduler = nextFrame,
  /** For the updates after a run's first: by default every other frame (see everyOtherFrame). */
  scheduleFollowingFrame: FrameScheduler = scheduleFrame === nextFrame ? everyOtherFrame : scheduleFrame,
) {
  const [state, setState] = useState<TaskRunState>(IDLE);
  const handle = useRef<TaskHandle | null>(null);
  const buffer = useRef('');
  const cancelFrame = useRef<(() => void) | null>(null);
  const runRef = useRef(0);
  const taskRef = useRef<TaskName>('reply');

  const dropFrame = () => {
    cancelFrame.current?.();
    cancelFrame.current = null;
  };

  /** Shows what the buffer holds now. */
  const flush = useCallback((run: number, task: TaskName) => {
    dropFrame();
    if (run !== runRef.current) return;
    const shown = shownFrom(task, buffer.current);
    setState((previous) =>
      previous.run !== run || (previous.output === shown.output && sameList(previous.suggestions, shown.suggestions))
        ? previous
        : { ...previous, ...shown },
    );
  }, []);

  const start = useCallback(
    (tabId: number, request: TaskRequest) => {
      handle.current?.cancel();
      dropFrame();
      const run = ++runRef.current;
      // The Markdown parser is normally loaded with the page; if not yet, load it now, before the first token.
      void loadMarkdownParser().catch(() => undefined);
      const { task } = request;
      taskRef.current = task;
      buffer.current = '';
      setState({ ...IDLE, phase: 'streaming', run, tabId, request });
      const isCurrent = () => run === runRef.current;

      handle.current = api.startTask(
        tabId,
        task,
        {
          onConsentRequired(preview) {
            if (!isCurrent()) return;
            setState((previous) => ({ ...previous, consent: preview }));
          },
          onProgress(reading) {
            if (!isCurrent()) return;
            setState((previous) => (previous.source ? previous : { ...previous, reading }));
          },
          onStart(info) {
            if (!isCurrent()) return;
            setState((previous) => ({
              ...previous,
              reading: null,
              source: info,
              chatUrls: info.chatUrls ?? previous.chatUrls,
              references: info.references ?? previous.references,
            }));
          },
          onNotice(text) {
            if (!isCurrent()) return;
            // Before `start` a notice describes what is sent; after it, why the answer is slow to come.
            setState((previous) => (previous.source ? { ...previous, notice: text } : { ...previous, notes: [...previous.notes, text] }));
          },
          onDelta(text) {
            if (!isCurrent()) return;
            const first = buffer.current === '';
            if (first) setState((previous) => (previous.notice ? { ...previous, notice: null } : previous));
            buffer.current += text;
            // The first token shows at the next frame; later ones at most every other frame.
            cancelFrame.current ??= (first ? scheduleFrame : scheduleFollowingFrame)(() => {
              cancelFrame.current = null;
              flush(run, task);
            });
          },
          onEnd({ finishReason, suggestions, chatUrls }) {
            if (!isCurrent()) return;
            dropFrame();
            handle.current = null;
            const shown = shownFrom(task, buffer.current);
            const finals = (suggestions?.length ? suggestions : shown.suggestions).slice(0, draftLimit(task));
            setState((previous) => ({
              ...previous,
              consent: null,
              notice: null,
              phase: 'done',
              output: shown.output,
              suggestions: TASK_OUTPUT[task] === 'drafts' ? finals : [],
              chatUrls: chatUrls ?? previous.chatUrls,
              finishReason,
            }));
          },
          onError(error) {
            if (!isCurrent()) return;
            handle.current = null;
            flush(run, task);
            setState((previous) => ({ ...previous, phase: 'error', error, consent: null, notice: null }));
          },
        },
        request.options,
      );
    },
    [api, scheduleFrame, scheduleFollowingFrame, flush],
  );

  /** Cancels the stream; what arrived so far stays. */
  const stop = useCallback(() => {
    if (!handle.current) return;
    handle.current.cancel();
    handle.current = null;
    flush(runRef.current, taskRef.current);
    setState((previous) => (previous.phase === 'streaming' ? { ...previous, phase: 'stopped', consent: null } : previous));
  }, [flush]);

  /** The user's answer to the open consent question. Nothing is sent unless it is 'once' or 'always'. */
  const answerConsent = useCallback((decision: ConsentDecision) => {
    if (!handle.current) return;
    handle.current.consent?.(decision);
    setState((previous) => ({ ...previous, consent: null }));
  }, []);

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

  return { state, start, stop, reset, answerConsent };
}
