import type { ReplyTaskState } from './use-reply-task';

interface Props {
  task: ReplyTaskState;
}

function sentence({ phase, suggestions, source, finishReason }: ReplyTaskState): string | null {
  switch (phase) {
    case 'streaming':
      return source ? `Writing suggestions with ${source.assistantName}…` : 'Reading the chat…';
    case 'stopped':
      return 'Stopped';
    case 'done':
      if (suggestions.length === 0) return 'The assistant returned no suggestions.';
      return finishReason === 'length' ? 'Done, but the answer was cut short.' : 'Done';
    default:
      return null;
  }
}

/** One line on where the task stands: writing, done, or stopped. */
export function TaskStatus({ task }: Props) {
  const text = sentence(task);
  if (!text) return null;
  return (
    <p class={`task-status task-${task.phase}`} data-testid="task-status" data-phase={task.phase}>
      {task.phase === 'streaming' ? <span class="spinner" aria-hidden="true" /> : null}
      {text}
    </p>
  );
}
