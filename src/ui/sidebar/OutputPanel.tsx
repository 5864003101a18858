import type { UiApi } from '../api';
import { t } from '../i18n';
import { SafeMarkdown } from '../render';
import { hasReferences } from './citations';
import { CitedOutput } from './CitedOutput';
import type { TaskRunState } from './use-task';
import { outputHeading } from './task-labels';

interface Props {
  task: TaskRunState;
  /** Needed for citations (scrolling the chat to a cited message); without it, answers show no citations. */
  api?: UiApi;
  /** The language a translation goes into, named in the interface's language, for the heading. */
  languageLabel?: string;
}

/**
 * Where a summary, translation or answer is shown, through SafeMarkdown. Busy while streaming, so readers
 * announce the result once. A catch-up or an answer that cites messages shows each citation as a button.
 */
export function OutputPanel({ task, api, languageLabel }: Props) {
  if (!task.request || task.output.length === 0) return null;
  const streaming = task.phase === 'streaming';
  const question = task.request.task === 'ask' ? task.request.options.question : undefined;
  const heading = outputHeading(task.request, languageLabel);
  return (
    <section class="output" aria-live="polite" aria-busy={streaming} aria-label={heading}>
      <h2 class="output-heading">{heading}</h2>
      {question ? <p class="output-question muted">{t('sidebar_outputQuestion', question)}</p> : null}
      <div data-testid="output" class="output-body">
        {api && hasReferences(task.references) ? (
          <CitedOutput api={api} text={task.output} references={task.references} tabId={task.tabId} streaming={streaming} />
        ) : (
          <SafeMarkdown text={task.output} streaming={streaming} />
        )}
      </div>
    </section>
  );
}
