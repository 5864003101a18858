import { useEffect, useState } from 'preact/hooks';
import { toUserFacingError, type UiApi } from '../api';
import type { ChatAssistantChoice as Choice } from '../../shared/protocol';
import type { UserFacingError } from '../../shared/errors';
import type { AssistantView } from '../../shared/settings';
import { ErrorNotice } from '../common/ErrorNotice';
import { t } from '../i18n';

interface Props {
  api: UiApi;
  tabId: number | null;
  assistants: AssistantView[];
  /** The default assistant, named in the "Default" choice. */
  active: AssistantView | null;
}

/**
 * "For this chat": another assistant for the chat open in the current tab only (say, a local model for
 * a private chat). The background reads which chat that is; the choice is kept per chat.
 */
export function ChatAssistantChoice({ api, tabId, assistants, active }: Props) {
  const [choice, setChoice] = useState<Choice | null>(null);
  const [error, setError] = useState<UserFacingError | null>(null);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    let current = true;
    if (tabId === null) return;
    api.request('ui->background:get-chat-assistant', { tabId }).then(
      (result) => current && setChoice(result),
      // Reading the chat failed (the tab is still loading, or Aside is not running there): no choice to offer.
      () => current && setChoice({ chatKey: null, chatTitle: null, assistantId: null }),
    );
    return () => {
      current = false;
    };
  }, [api, tabId]);

  if (tabId === null || choice === null) return null;

  if (choice.chatKey === null) {
    return (
      <p class="muted chat-choice-hint" data-testid="chat-assistant-none">
        {t('popup_chatNone')}
      </p>
    );
  }

  const change = async (value: string) => {
    const assistantId = value === '' ? null : value;
    const previous = choice;
    setChoice({ ...choice, assistantId });
    setError(null);
    setSaved(false);
    try {
      setChoice(await api.request('ui->background:set-chat-assistant', { tabId, assistantId }));
      setSaved(true);
    } catch (cause) {
      setChoice(previous);
      setError(toUserFacingError(cause));
    }
  };

  const name = choice.chatTitle ?? t('popup_thisChat');
  return (
    <section class="chat-choice" aria-labelledby="chat-choice-title">
      <h2 id="chat-choice-title" class="section-title">
        {t('popup_chatChoiceTitle')}
      </h2>
      <label for="chat-assistant" class="chat-choice-label">
        {t('popup_chatChoiceLabel', name)}
      </label>
      <select id="chat-assistant" data-testid="chat-assistant-select" value={choice.assistantId ?? ''} onChange={(event) => void change(event.currentTarget.value)}>
        <option value="">{active ? t('popup_chatDefaultNamed', active.name) : t('popup_chatDefault')}</option>
        {assistants.map((assistant) => (
          <option key={assistant.id} value={assistant.id}>
            {assistant.locality === 'local' ? t('popup_chatOptionLocal', assistant.name) : t('popup_chatOptionRemote', assistant.name)}
          </option>
        ))}
      </select>
      <p class="muted chat-choice-status" role="status" data-testid="chat-assistant-status">
        {saved ? (choice.assistantId ? t('popup_chatOwnAssistant', name) : t('popup_chatDefaultAgain', name)) : ''}
      </p>
      {error ? <ErrorNotice error={error} testId="chat-assistant-error" /> : null}
    </section>
  );
}
