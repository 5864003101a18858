import { useCallback, useEffect, useState } from 'preact/hooks';
import { toUserFacingError, type UiApi } from '../api';
import { variablesOf, type PromptTemplate } from '../../shared/templates';
import { t } from '../i18n';
import type { TaskRequest } from './use-task';
import { errorLine } from '../common/error-text';

interface Props {
  api: UiApi;
  tabId: number | null;
  /** The open chat: its default template is picked when it changes. */
  chatKey: string | undefined;
  canStart: boolean;
  streaming: boolean;
  readerLanguage: string;
  onStart(request: TaskRequest, button: HTMLElement | null): void;
}

/** The request that runs `template`: {selection} reads only the messages selected in the page. */
export function templateRequest(template: PromptTemplate, readerLanguage: string): TaskRequest {
  const uses = variablesOf(template.instruction);
  return {
    task: 'template',
    options: {
      template: { name: template.name, instruction: template.instruction },
      ...(uses.has('language') ? { targetLanguage: readerLanguage } : {}),
      ...(uses.has('selection') ? { scope: { kind: 'selection' as const } } : {}),
    },
  };
}

/**
 * The user's own templates (written in Options → Prompts): pick one, run it on the open chat, and make
 * it this chat's default. Hidden until the user has a template. Read again when the chat changes or the
 * sidebar regains focus (after editing templates in the options page).
 */
export function TemplateRunner({ api, tabId, chatKey, canStart, streaming, readerLanguage, onStart }: Props) {
  const [templates, setTemplates] = useState<PromptTemplate[]>([]);
  const [chosen, setChosen] = useState('');
  const [chatDefault, setChatDefault] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);

  const load = useCallback(() => {
    if (tabId === null) return () => undefined;
    let current = true;
    api
      .request('ui->background:get-templates', { tabId })
      .then((answer) => {
        if (!current) return;
        setTemplates(answer.templates);
        setChatDefault(answer.chatDefaultId);
        setChosen((previous) =>
          answer.chatDefaultId ?? (answer.templates.some((template) => template.id === previous) ? previous : (answer.templates[0]?.id ?? '')),
        );
      })
      .catch(() => current && setTemplates([]));
    return () => {
      current = false;
    };
  }, [api, tabId]);

  useEffect(() => load(), [load, chatKey]);
  useEffect(() => {
    window.addEventListener('focus', load);
    return () => window.removeEventListener('focus', load);
  }, [load]);

  if (templates.length === 0) return null;
  const template = templates.find((candidate) => candidate.id === chosen) ?? null;

  const toggleDefault = async (on: boolean) => {
    if (tabId === null || !template) return;
    setNote(null);
    try {
      const answer = await api.request('ui->background:set-chat-template', { tabId, templateId: on ? template.id : null });
      setChatDefault(answer.chatDefaultId);
    } catch (cause) {
      const error = toUserFacingError(cause);
      setNote(errorLine(error));
    }
  };

  return (
    <section class="template-runner action-row" aria-label={t('sidebar_templatesLabel')}>
      <label class="tone-label">
        {t('sidebar_labelTemplate')}{' '}
        <select data-testid="template-select" value={chosen} disabled={streaming} onChange={(event) => setChosen(event.currentTarget.value)}>
          {templates.map((candidate) => (
            <option key={candidate.id} value={candidate.id}>
              {candidate.name}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        class="button"
        data-testid="action-template"
        title={template?.instruction}
        disabled={!canStart || !template}
        onClick={(event) => template && onStart(templateRequest(template, readerLanguage), event.currentTarget)}
      >
        {t('sidebar_templateRun')}
      </button>
      <label class="tone-label">
        <input
          type="checkbox"
          data-testid="template-default"
          checked={template !== null && chatDefault === template.id}
          disabled={!template || !chatKey || streaming}
          onChange={(event) => void toggleDefault(event.currentTarget.checked)}
        />{' '}
        {t('sidebar_templateDefault')}
      </label>
      {note ? (
        <p class="muted" role="status" data-testid="template-note">
          {note}
        </p>
      ) : null}
    </section>
  );
}
