/**
 * Runs one task for one tab: read the chat (and, for rewrite, the user's draft), build the prompt, stream
 * the model's answer to the caller, record history. Emits exactly one `start`, any number of `delta`,
 * then one `end` or one `error`. Cancelling (the signal) ends quietly: the caller already knows it stopped.
 */
import { wording, wordingOf, type WordedText } from '../shared/wording';
import { collectUrls } from '../assistant/drafts/foreign-urls';
import { TASK_DEFINITIONS, type TaskDefinition } from '../assistant/tasks/registry';
import { catchUpStart, sinceLastCatchUpNotice } from '../assistant/tasks/summarize';
import { MAX_DRAFT_LENGTH } from '../shared/protocol';
import { coverageNotice, scopeForRun, selectionUnsupported, trimToScope } from '../assistant/privacy/minimise';
import { answerRestorer, originalSourceTexts, preparePrivateInput, withPlaceholderRule } from '../assistant/privacy/request-privacy';
import type { ConsentDecision, SendPreview, ServerStreamMessage, TaskName, TaskOptions } from '../shared/stream-protocol';
import type { PromptMessage } from '../providers/types';
import { providerFor, resolveActiveAssistant, type ActiveAssistant } from './active-assistant';
import { BackgroundError, toUserFacingError, userError } from './errors';
import type { BackgroundServices } from './services';
import { requireMessengerTab } from './handlers/tabs';
import { readConversation } from './read-conversation';

export interface TaskRequest {
  tabId: number;
  task: TaskName;
  /** The user's choices (tone, question, language), validated by the port. */
  options?: TaskOptions;
  signal: AbortSignal;
  emit(message: ServerStreamMessage): void;
  /**
   * Asks the user whether `preview` may be sent (the port sends `consent-required` and waits for the
   * answer). Absent, or resolving 'deny' (also on timeout or disconnect): nothing is sent.
   */
  askConsent?(preview: SendPreview): Promise<ConsentDecision>;
}

export async function runTask(services: BackgroundServices, request: TaskRequest): Promise<void> {
  const { signal, emit } = request;
  const options = request.options ?? {};
  let text = '';
  try {
    const definition = TASK_DEFINITIONS[request.task];
    const missing = definition.missingInput?.(options);
    if (missing) throw new BackgroundError(userError('config', missing, wording('error_missingInputHint')));
    let active = await resolveActiveAssistant(services);
    await requireMessengerTab(services, request.tabId);
    // Minimisation: only the scope the user chose (this run's, else the setting's) is read and prompted.
    const privacy = (await services.settings.load()).settings.privacy;
    const scope = scopeForRun(privacy.readScope, options.scope);
    const read = await readConversation(services, request.tabId, scope, {
      signal,
      onProgress: ({ loaded, target }) => emit({ type: 'progress', loaded, target }),
    });
    if (signal.aborted) return;
    const conversation = trimToScope(read, scope);
    const scopeNotice = coverageNotice(conversation, scope);
    if (scopeNotice) emit(typeof scopeNotice === 'string' ? { type: 'notice', text: scopeNotice } : noticeOf(scopeNotice));
    const chatKey = conversation.chatKey ?? null;
    // The assistant the user picked for this chat in the popup, if any, answers instead of the default.
    if (chatKey !== null) active = await resolveActiveAssistant(services, chatKey);
    await refuseLocalOnlyChat(services, active, chatKey);
    if (conversation.health.status === 'unreadable') {
      throw new BackgroundError(
        userError(
          'adapter',
          conversation.health.notes?.join(' ') ? wording('error_chatUnreadable', conversation.health.notes.join(' ')) : wording('error_chatUnreadableNoChat'),
          wording('error_openChatHint'),
        ),
      );
    }
    if (conversation.messages.length === 0 && scope.kind === 'selection') {
      throw new BackgroundError(userError('adapter', wording('error_noSelection'), wording('error_noSelectionHint')));
    }
    if (selectionUnsupported(conversation, scope)) {
      throw new BackgroundError(userError('adapter', wording('error_selectionUnsupported'), wording('error_selectionUnsupportedHint')));
    }
    if (conversation.messages.length === 0) {
      throw new BackgroundError(userError('adapter', wording('error_chatEmpty'), wording('error_chatEmptyHint')));
    }
    const needsDraft = typeof definition.needsDraft === 'function' ? definition.needsDraft(options) : definition.needsDraft;
    const draft = needsDraft ? await readDraft(services, request.tabId) : undefined;
    // Pseudonymisation (remote assistants only: for a local one nothing leaves the machine). The preview,
    // the request and the egress log all see the same pseudonymised prompt; the answer is restored below.
    // Catch up without an unread divider starts after the newest message the chat's previous catch-up covered.
    const lastCatchUpId = request.task === 'summarize' ? await lastCatchUpOf(services, conversation.chatKey) : undefined;
    const input = preparePrivateInput(
      conversation,
      { ...options, draft, context: active.assistant, ...(lastCatchUpId !== undefined ? { lastCatchUpId } : {}) },
      privacy.pseudonymise && active.locality === 'remote',
    );
    const prompt = withPlaceholderRule(definition.buildPrompt(input.conversation, input.options), input.pseudonymiser);
    // Only the newest messages that fit the model's context window were kept: say so before the answer.
    if (prompt.contextNotice) emit(noticeOf(prompt.contextNotice));
    const start = request.task === 'summarize' ? catchUpStart(conversation, lastCatchUpId) : undefined;
    if (start?.kind === 'last-catch-up') emit(noticeOf(sinceLastCatchUpNotice(start.newMessages)));
    if (prompt.includedMessages === 0 && definition.nothingToRead) {
      throw new BackgroundError(userError('adapter', definition.nothingToRead, wording('error_nothingFromOthersHint')));
    }
    const chatUrls = collectUrls(originalSourceTexts(prompt, input.pseudonymiser));
    await obtainConsent(services, active, chatKey, prompt.messages, request);
    if (signal.aborted) return;
    // Incognito: the egress log keeps the request (it is a security record) but not which chat it was for.
    const provider = providerFor(services, active, { chatKey: privacy.incognito ? null : chatKey, action: request.task });
    const restorer = answerRestorer(input.pseudonymiser);
    emit({
      type: 'start',
      assistantName: active.assistant.name,
      model: active.assistant.model,
      locality: active.locality,
      chatUrls,
      ...(prompt.references ? { references: prompt.references } : {}),
    });
    let finishReason = 'stop';
    for await (const part of provider.doStream({
      messages: prompt.messages,
      signal,
      maxOutputTokens: definition.maxOutputTokens,
      temperature: definition.temperature,
    })) {
      if (signal.aborted) return;
      if (part.type === 'text-delta') {
        // Placeholders go back to the real names and numbers here, before the sidebar sees any text.
        const shown = restorer.push(part.text);
        if (shown) {
          text += shown;
          emit({ type: 'delta', text: shown });
        }
      } else if (part.type === 'finish') {
        finishReason = part.reason;
      } else if (part.type === 'warning' && part.warning.type === 'retrying') {
        // A silent wait of several seconds looks like a hang; say why we wait.
        emit({ type: 'notice', text: part.warning.message, ...(part.warning.wording ? { wording: part.warning.wording } : {}) });
      }
    }
    if (signal.aborted) return;
    const tail = restorer.flush();
    if (tail) {
      text += tail;
      emit({ type: 'delta', text: tail });
    }
    const suggestions = definition.suggestionsFrom?.(text);
    emit({ type: 'end', finishReason, suggestions, chatUrls });
    // Incognito: nothing of this run is written to history.
    if (conversation.chatKey && !privacy.incognito) {
      await recordHistory(services, definition, {
        chatKey: conversation.chatKey,
        task: request.task,
        text,
        suggestions,
        assistantName: active.assistant.name,
        model: active.assistant.model,
        // Read up to the chat's end, the newest message read is the newest one this catch-up covered: the
        // next one starts after it. What is on screen or selected may stop short of the end: nothing to remember.
        lastMessageId: request.task === 'summarize' && (scope.kind === 'last' || scope.kind === 'since-unread') ? conversation.messages.at(-1)?.id : undefined,
      });
    }
  } catch (error) {
    if (signal.aborted) return;
    emit({ type: 'error', error: toUserFacingError(error) });
  }
}

/** The id of the newest message the chat's previous catch-up covered, if history remembers one. */
async function lastCatchUpOf(services: BackgroundServices, chatKey: string | undefined): Promise<string | undefined> {
  if (!chatKey) return undefined;
  // History is a convenience: if it cannot be read, the catch-up runs as if there were none.
  const entry = await services.history.latestOfTask(chatKey, 'summarize').catch(() => undefined);
  return entry?.lastMessageId;
}

/** A chat the user marked "local only" never goes to a remote assistant: refused before anything is built. */
async function refuseLocalOnlyChat(services: BackgroundServices, active: ActiveAssistant, chatKey: string | null): Promise<void> {
  if (active.locality !== 'remote' || chatKey === null) return;
  if (!(await services.consents.get(chatKey))?.localOnly) return;
  throw new BackgroundError(
    userError(
      'config',
      wording('error_localOnlyRemote', active.assistant.name, originOf(active)),
      wording('error_localOnlyRemoteHint'),
    ),
  );
}

/**
 * A remote assistant gets the chat only after the user saw exactly what goes where and agreed, once or
 * "always for this chat" (per destination origin). Local assistants need no consent. Anything but an
 * explicit yes (deny, timeout, a closed sidebar, no way to ask) sends nothing.
 */
async function obtainConsent(
  services: BackgroundServices,
  active: ActiveAssistant,
  chatKey: string | null,
  messages: PromptMessage[],
  request: TaskRequest,
): Promise<void> {
  if (active.locality !== 'remote') return;
  const destination = originOf(active);
  if (chatKey !== null && (await services.consents.get(chatKey))?.alwaysAllowed.includes(destination)) return;
  const preview: SendPreview = {
    destination,
    model: active.assistant.model,
    messages: messages.map(({ role, content }) => ({ role, content })),
  };
  const decision = request.askConsent ? await request.askConsent(preview).catch(() => 'deny' as const) : 'deny';
  if (request.signal.aborted) return;
  if (decision === 'deny') {
    throw new BackgroundError(userError('config', wording('error_consentDenied'), wording('error_consentDeniedHint', destination)));
  }
  if (decision === 'always' && chatKey !== null) await services.consents.allowAlways(chatKey, destination);
}

function originOf(active: ActiveAssistant): string {
  return new URL(active.assistant.baseUrl).origin;
}

/**
 * The user's draft, for rewrite. The content script answers `read-draft` only once its adapter knows
 * how; until then (or when the tab's script is older) the answer is missing, and the user is told so.
 */
async function readDraft(services: BackgroundServices, tabId: number): Promise<string> {
  let answer: unknown;
  try {
    answer = await services.tabs.sendToContent(tabId, 'background->content:read-draft', {});
  } catch {
    answer = undefined;
  }
  const text = typeof answer === 'object' && answer !== null ? (answer as { text?: unknown }).text : undefined;
  if (typeof text !== 'string') {
    throw new BackgroundError(
      userError('adapter', wording('error_draftUnreadable'), wording('error_draftUnreadableHint')),
    );
  }
  const draft = text.trim();
  if (draft.length === 0) {
    throw new BackgroundError(userError('config', wording('error_draftEmpty'), wording('error_draftEmptyHint')));
  }
  if (draft.length > MAX_DRAFT_LENGTH) {
    throw new BackgroundError(userError('config', wording('error_draftTooLong'), wording('error_draftTooLongHint')));
  }
  return draft;
}

async function recordHistory(
  services: BackgroundServices,
  definition: TaskDefinition,
  run: { chatKey: string; task: TaskName; text: string; suggestions: string[] | undefined; assistantName: string; model: string; lastMessageId: string | undefined },
): Promise<void> {
  const output = definition.output === 'text' ? run.text.trim() : undefined;
  const suggestions = run.suggestions ?? [];
  if (!output && suggestions.length === 0) return;
  await services.history
    .add({
      chatKey: run.chatKey,
      task: run.task,
      createdAt: Date.now(),
      suggestions,
      ...(output ? { output } : {}),
      assistantName: run.assistantName,
      model: run.model,
      ...(run.lastMessageId !== undefined ? { lastMessageId: run.lastMessageId } : {}),
    })
    .catch(() => undefined); // History is a convenience; never fail the answer over it.
}

/** A notice for the sidebar: the English text, and the catalogue id that shows it in the user's language. */
function noticeOf(words: WordedText): { type: 'notice'; text: string; wording: { key: string; args: string[] } } {
  return { type: 'notice', text: words.text, wording: wordingOf(words)! };
}
