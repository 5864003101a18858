/** What each task is called where the user sees it, in the interface's language. */
import type { TaskName } from '../../shared/stream-protocol';
import { t } from '../i18n';
import type { TaskRequest } from './use-task';

/** "Writing suggestions with Local Llama…" */
export function workingSentence(task: TaskName, assistantName: string): string {
  switch (task) {
    case 'reply':
      return t('sidebar_workingReply', assistantName);
    case 'rewrite':
      return t('sidebar_workingRewrite', assistantName);
    case 'summarize':
      return t('sidebar_workingSummarize', assistantName);
    case 'translate':
      return t('sidebar_workingTranslate', assistantName);
    case 'ask':
      return t('sidebar_workingAsk', assistantName);
    case 'template':
      return t('sidebar_workingTemplate', assistantName);
  }
}

/** Said when a run finished with nothing to show. */
export function emptySentence(task: TaskName): string {
  return task === 'reply' || task === 'rewrite' || task === 'template' ? t('sidebar_emptyDrafts') : t('sidebar_emptyOutput');
}

/**
 * The heading above a reading task's output. `languageLabel` names the translation's language in the
 * interface's language; without it, the name the model was given is shown.
 */
export function outputHeading(request: TaskRequest, languageLabel?: string): string {
  switch (request.task) {
    case 'summarize':
      return t('sidebar_labelCatchUp');
    case 'translate': {
      const language = languageLabel ?? request.options.targetLanguage;
      return language ? t('sidebar_headingTranslationInto', language) : t('sidebar_labelTranslation');
    }
    default:
      return t('sidebar_labelAnswer');
  }
}

/** How a history entry is introduced. */
export function historyLabel(task: string): string {
  switch (task) {
    case 'reply':
      return t('sidebar_labelSuggestions');
    case 'rewrite':
      return t('sidebar_labelRewrite');
    case 'summarize':
      return t('sidebar_labelCatchUp');
    case 'translate':
      return t('sidebar_labelTranslation');
    case 'ask':
      return t('sidebar_labelAnswer');
    case 'template':
      return t('sidebar_labelTemplate');
    default:
      return t('sidebar_labelResult');
  }
}
