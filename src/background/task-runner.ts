/**
 * Runs one task for one tab: read the chat, build the prompt, stream the model's answer to the
 * caller, record history. Emits exactly one `start`, any number of `delta`, then one `end` or one
 * `error`. Cancelling (the signal) ends quietly: the caller already knows it stopped.
 */
import { TASK_DEFINITIONS } from '../assistant/tasks/registry';
import type { ServerStreamMessage, TaskName } from '../shared/stream-protocol';
import { providerFor, resolveActiveAssistant } from './active-assistant';
import { BackgroundError, toUserFacingError, userError } from './errors';
import type { BackgroundServices } from './services';
import { requireMessengerTab } from './handlers/tabs';

export interface TaskRequest {
  tabId: number;
  task: TaskName;
  signal: AbortSignal;
  emit(message: ServerStreamMessage): void;
}

export async function runTask(services: BackgroundServices, request: TaskRequest): Promise<void> {
  const { signal, emit } = request;
  let text = '';
  try {
    const definition = TASK_DEFINITIONS[request.task];
    const active = await resolveActiveAssistant(services);
    await requireMessengerTab(services, request.tabId);
    const conversation = await services.tabs.sendToContent(request.tabId, 'background->content:read-conversation', {});
    if (conversation.health.status === 'unreadable') {
      throw new BackgroundError(
        userError('adapter', `Aside can’t read this chat: ${conversation.health.notes?.join(' ') || 'the page does not look like an open chat.'}`, 'Open a chat in WhatsApp Web and try again.'),
      );
    }
    if (conversation.messages.length === 0) {
      throw new BackgroundError(userError('adapter', 'This chat has no messages Aside can read yet.', 'Scroll the chat or open another one.'));
    }
    const prompt = definition.buildPrompt(conversation);
    const provider = providerFor(services, active, { chatKey: conversation.chatKey ?? null, action: request.task });
    emit({ type: 'start', assistantName: active.assistant.name, model: active.assistant.model, locality: active.locality });
    let finishReason = 'stop';
    for await (const part of provider.doStream({
      messages: prompt.messages,
      signal,
      maxOutputTokens: definition.maxOutputTokens,
      temperature: definition.temperature,
    })) {
      if (signal.aborted) return;
      if (part.type === 'text-delta') {
        text += part.text;
        emit({ type: 'delta', text: part.text });
      } else if (part.type === 'finish') {
        finishReason = part.reason;
      }
    }
    if (signal.aborted) return;
    const suggestions = definition.suggestionsFrom?.(text);
    emit({ type: 'end', finishReason, suggestions });
    if (suggestions && conversation.chatKey) {
      await services.history
        .add({
          chatKey: conversation.chatKey,
          task: request.task,
          createdAt: Date.now(),
          suggestions,
          assistantName: active.assistant.name,
          model: active.assistant.model,
        })
        .catch(() => undefined); // History is a convenience; never fail the answer over it.
    }
  } catch (error) {
    if (signal.aborted) return;
    emit({ type: 'error', error: toUserFacingError(error) });
  }
}
