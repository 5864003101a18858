import { t } from '../i18n';
import type { TaskRunState } from './use-task';
import { emptySentence, workingSentence } from './task-labels';

interface Props {
  task: TaskRunState;
}

function sentence({ phase, suggestions, output, source, finishReason, request, notice, reading }: TaskRunState): string | null {
  const task = request?.task ?? 'reply';
  switch (phase) {
    case 'streaming':
      if (notice) return notice;
      if (!source && reading && reading.loaded > 0) {
        return reading.target > 0
          ? t('history_readingOlderOf', Math.min(reading.loaded, reading.target), reading.target)
          : t('history_readingOlder', reading.loaded);
      }
      return source ? workingSentence(task, source.assistantName) : t('sidebar_readingChat');
    case 'stopped':
      return t('sidebar_stopped');
    case 'done':
      if (suggestions.length === 0 && output.trim().length === 0) return emptySentence(task);
      return finishReason === 'length' ? t('sidebar_doneCutShort') : t('sidebar_done');
    default:
      return null;
  }
}

/** One line on where the task stands: writing, done, or stopped; then what the run's input left out, if anything. */
export function TaskStatus({ task }: Props) {
  const text = sentence(task);
  const notes = task.notes.map((note) => (
    <p key={note} class="task-note" data-testid="task-note">
      {note}
    </p>
  ));
  if (!text) return notes.length > 0 ? <>{notes}</> : null;
  return (
    <>
      <p class={`task-status task-${task.phase}`} data-testid="task-status" data-phase={task.phase} role="status">
        {task.phase === 'streaming' ? <span class="spinner" aria-hidden="true" /> : null}
        {text}
      </p>
      {notes}
    </>
  );
}
