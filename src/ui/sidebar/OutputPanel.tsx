import { SafeMarkdown } from '../render';
import type { TaskRunState } from './use-task';
import { outputHeading } from './task-labels';

interface Props {
  task: TaskRunState;
}

/**
 * Where a summary, translation or answer is shown, through SafeMarkdown. Busy while streaming, so readers
 * announce the result once.
 */
export function OutputPanel({ task }: Props) {
  if (!task.request || task.output.length === 0) return null;
  const streaming = task.phase === 'streaming';
  const question = task.request.task === 'ask' ? task.request.options.question : undefined;
  return (
    <section class="output" aria-live="polite" aria-busy={streaming} aria-label={outputHeading(task.request)}>
      <h2 class="output-heading">{outputHeading(task.request)}</h2>
      {question ? <p class="output-question muted">“{question}”</p> : null}
      <div data-testid="output" class="output-body">
        <SafeMarkdown text={task.output} streaming={streaming} />
      </div>
    </section>
  );
}
