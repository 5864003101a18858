import type { TaskRunState } from './use-task';
import { emptySentence, workingSentence } from './task-labels';

interface Props {
  task: TaskRunState;
}

function sentence({ phase, suggestions, output, source, finishReason, request, notice }: TaskRunState): string | null {
  const task = request?.task ?? 'reply';
  switch (phase) {
    case 'streaming':
      if (notice) return notice;
      return source ? workingSentence(task, source.assistantName) : 'Reading the chat…';
    case 'stopped':
      return 'Stopped';
    case 'done':
      if (suggestions.length === 0 && output.trim().length === 0) return emptySentence(task);
      return finishReason === 'length' ? 'Done, but the answer was cut short.' : 'Done';
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
