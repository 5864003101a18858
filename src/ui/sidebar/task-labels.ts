/** What each task is called where the user sees it. */
import type { TaskName } from '../../shared/stream-protocol';
import type { TaskRequest } from './use-task';

/** "Writing suggestions with Local Llama…" */
export function workingSentence(task: TaskName, assistantName: string): string {
  switch (task) {
    case 'reply':
      return `Writing suggestions with ${assistantName}…`;
    case 'rewrite':
      return `Rewriting your draft with ${assistantName}…`;
    case 'summarize':
      return `Catching up with ${assistantName}…`;
    case 'translate':
      return `Translating with ${assistantName}…`;
    case 'ask':
      return `Answering with ${assistantName}…`;
    case 'template':
      return `Running your template with ${assistantName}…`;
  }
}

/** Said when a run finished with nothing to show. */
export function emptySentence(task: TaskName): string {
  return task === 'reply' || task === 'rewrite' || task === 'template' ? 'The assistant returned no suggestions.' : 'The assistant returned nothing.';
}

/** The heading above a reading task's output. */
export function outputHeading(request: TaskRequest): string {
  switch (request.task) {
    case 'summarize':
      return 'Catch up';
    case 'translate':
      return request.options.targetLanguage ? `Translation into ${request.options.targetLanguage}` : 'Translation';
    case 'ask':
      return 'Answer';
    default:
      return 'Answer';
  }
}

/** How a history entry is introduced. */
export function historyLabel(task: string): string {
  switch (task) {
    case 'reply':
      return 'Suggestions';
    case 'rewrite':
      return 'Rewrite';
    case 'summarize':
      return 'Catch up';
    case 'translate':
      return 'Translation';
    case 'ask':
      return 'Answer';
    case 'template':
      return 'Template';
    default:
      return 'Result';
  }
}
