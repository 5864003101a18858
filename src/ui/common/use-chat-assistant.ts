import { useEffect, useState } from 'preact/hooks';
import type { UiApi } from '../api';
import type { AssistantView } from '../../shared/settings';

/**
 * The assistant that answers in the chat a tab shows: the one picked for that chat in the popup ("For
 * this chat"), else the default. Asked again when the chat changes and when the page regains focus (the
 * user may just have changed it in the popup).
 */
export function useChatAssistant(
  api: UiApi,
  tabId: number | null | undefined,
  chatKey: string | undefined,
  assistants: AssistantView[],
  fallback: AssistantView | null,
): AssistantView | null {
  const [chosenId, setChosenId] = useState<string | null>(null);
  const [asked, setAsked] = useState(0);

  useEffect(() => {
    const again = () => setAsked((value) => value + 1);
    window.addEventListener('focus', again);
    document.addEventListener('visibilitychange', again);
    return () => {
      window.removeEventListener('focus', again);
      document.removeEventListener('visibilitychange', again);
    };
  }, []);

  useEffect(() => {
    let current = true;
    if (typeof tabId !== 'number' || !chatKey) {
      setChosenId(null);
      return;
    }
    api.request('ui->background:get-chat-assistant', { tabId }).then(
      (choice) => current && setChosenId(choice.chatKey === chatKey ? choice.assistantId : null),
      // Without an answer the default is what the sidebar shows; the run itself resolves it again.
      () => current && setChosenId(null),
    );
    return () => {
      current = false;
    };
  }, [api, tabId, chatKey, asked]);

  return assistants.find((assistant) => assistant.id === chosenId) ?? fallback;
}
