/**
 * The UI's one way to speak to the background: typed requests over runtime messaging and task
 * streams over a port. Pages build it from the WebExtension API in their entry file; tests pass fakes.
 */
import type { MessageType, Payload, Reply, Response } from '../shared/protocol';
import type { UserFacingError } from '../shared/errors';
import { t } from './i18n';
import { translated } from './common/error-text';
import {
  TASK_PORT_NAME,
  type ClientStreamMessage,
  type ConsentDecision,
  type SendPreview,
  type ServerStreamMessage,
  type TaskName,
  type TaskOptions,
} from '../shared/stream-protocol';

/** Thrown by `request` when the background answers `ok: false`, or does not answer at all. */
export class UiRequestError extends Error {
  readonly error: UserFacingError;
  constructor(error: UserFacingError) {
    super(error.message);
    this.name = 'UiRequestError';
    this.error = error;
  }
  get kind() {
    return this.error.kind;
  }
}

/** Functions, not constants: the words are read when shown, after the page installed its language. */
export function interruptedRequest(): UserFacingError {
  return { kind: 'interrupted', message: t('common_interruptedRequest'), hint: t('common_interruptedRequestHint'), retryable: true };
}

export function interruptedStream(): UserFacingError {
  return { kind: 'interrupted', message: t('common_interruptedStream'), hint: t('common_interruptedStreamHint'), retryable: true };
}

/** Turns anything thrown by a request into a user-facing error. */
export function toUserFacingError(cause: unknown): UserFacingError {
  if (cause instanceof UiRequestError) return cause.error;
  return interruptedRequest();
}

/** The part of a runtime.Port the client uses (the polyfill's Port satisfies it). */
export interface PortLike {
  postMessage(message: unknown): void;
  disconnect(): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
}

/** What the client needs from the WebExtension API: `browser.runtime` satisfies it. */
export interface MessagingDeps {
  sendMessage(message: unknown): Promise<unknown>;
  connect(info: { name: string }): PortLike;
}

/** Wraps `browser.runtime` (the polyfill's or a fake) without relying on `this`. */
export function messagingFrom(runtime: {
  sendMessage(message: unknown): Promise<unknown>;
  connect(info: { name: string }): PortLike;
}): MessagingDeps {
  return {
    sendMessage: (message) => runtime.sendMessage(message),
    connect: (info) => runtime.connect(info),
  };
}

export interface TaskStartInfo {
  assistantName: string;
  model: string;
  locality: 'local' | 'remote';
  /** The links in the chat the model sees (see ServerStreamMessage). */
  chatUrls?: string[];
  /** The message references the prompt gave (e.g. "m12" -> message id): the only citations shown. */
  references?: Record<string, string>;
}

export interface TaskEnd {
  finishReason: string;
  suggestions?: string[];
  /** The links in the chat the model saw: a draft's link not among them is flagged. */
  chatUrls?: string[];
}

export interface TaskHandlers {
  /**
   * The background asks before sending to a remote assistant; answer with the handle's `consent`.
   * Without this handler the client denies at once: nothing is sent.
   */
  onConsentRequired?(preview: SendPreview): void;
  onStart?(info: TaskStartInfo): void;
  onDelta(text: string): void;
  /** Why the answer is slow to come (the provider asked us to wait and retry). */
  onNotice?(text: string): void;
  /** Older messages are being loaded before the run starts (`target` 0 when the scope has no count). */
  onProgress?(progress: { loaded: number; target: number }): void;
  onEnd(end: TaskEnd): void;
  onError(error: UserFacingError): void;
}

export interface TaskHandle {
  cancel(): void;
  /** Answers the open consent question (see TaskHandlers.onConsentRequired). */
  consent?(decision: ConsentDecision): void;
}

export interface UiApi {
  request<T extends MessageType>(type: T, payload: Payload<T>): Promise<Response<T>>;
  /** `options`: the user's choices for this run (tone, question, language), sent in `start`. */
  startTask(tabId: number, task: TaskName, handlers: TaskHandlers, options?: TaskOptions): TaskHandle;
}

/** More links than any chat the model sees holds; a longer list is cut, not trusted. */
const MAX_CHAT_URLS = 1_000;

function stringsFrom(value: unknown): string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value.filter((item): item is string => typeof item === 'string').slice(0, MAX_CHAT_URLS);
}

/** A reference map as the background sent it: "m<digits>" keys to string ids only, kept as plain data. */
function referencesFrom(value: unknown): Record<string, string> | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const kept: Record<string, string> = Object.create(null) as Record<string, string>;
  let count = 0;
  for (const [reference, id] of Object.entries(value)) {
    if (count >= MAX_CHAT_URLS) break;
    if (!/^m\d{1,5}$/.test(reference) || typeof id !== 'string' || id.length === 0 || id.length > 200) continue;
    kept[reference] = id;
    count += 1;
  }
  return kept;
}

function isReply(value: unknown): value is Reply<MessageType> {
  if (typeof value !== 'object' || value === null) return false;
  const reply = value as { ok?: unknown; error?: unknown };
  if (reply.ok === true) return 'value' in reply;
  return reply.ok === false && isUserFacingError(reply.error);
}

function isUserFacingError(value: unknown): value is UserFacingError {
  if (typeof value !== 'object' || value === null) return false;
  const error = value as Partial<UserFacingError>;
  return typeof error.kind === 'string' && typeof error.message === 'string';
}

/** A send preview as the background sent it: only its known fields, all strings, kept as plain data. */
function sendPreviewFrom(value: unknown): SendPreview | null {
  if (typeof value !== 'object' || value === null) return null;
  const { destination, model, messages } = value as Partial<Record<keyof SendPreview, unknown>>;
  if (typeof destination !== 'string' || typeof model !== 'string' || !Array.isArray(messages)) return null;
  const kept: SendPreview['messages'] = [];
  for (const message of messages) {
    const { role, content } = (message ?? {}) as { role?: unknown; content?: unknown };
    if ((role !== 'system' && role !== 'user' && role !== 'assistant') || typeof content !== 'string') return null;
    kept.push({ role, content });
  }
  return { destination, model, messages: kept };
}

function isServerStreamMessage(value: unknown): value is ServerStreamMessage {
  if (typeof value !== 'object' || value === null) return false;
  const message = value as { type?: unknown; text?: unknown; error?: unknown };
  switch (message.type) {
    case 'consent-required':
    case 'start':
    case 'end':
      return true;
    case 'delta':
    case 'notice':
      return typeof message.text === 'string';
    case 'progress': {
      const { loaded, target } = value as { loaded?: unknown; target?: unknown };
      return Number.isSafeInteger(loaded) && Number.isSafeInteger(target);
    }
    case 'error':
      return isUserFacingError(message.error);
    default:
      return false;
  }
}

export function createUiApi(deps: MessagingDeps): UiApi {
  async function request<T extends MessageType>(type: T, payload: Payload<T>): Promise<Response<T>> {
    let reply: unknown;
    try {
      reply = await deps.sendMessage({ type, payload });
    } catch {
      // "Receiving end does not exist", "message port closed before a response was received", ...
      throw new UiRequestError(interruptedRequest());
    }
    if (!isReply(reply)) throw new UiRequestError(interruptedRequest());
    if (!reply.ok) throw new UiRequestError({ ...reply.error, retryable: reply.error.retryable === true });
    return reply.value as Response<T>;
  }

  function startTask(tabId: number, task: TaskName, handlers: TaskHandlers, options: TaskOptions = {}): TaskHandle {
    let settled = false;
    let port: PortLike | null = null;

    const settle = () => {
      settled = true;
      const open = port;
      port = null;
      try {
        open?.disconnect();
      } catch {
        // Already gone.
      }
    };
    const fail = (error: UserFacingError) => {
      if (settled) return;
      settle();
      handlers.onError(error);
    };

    try {
      port = deps.connect({ name: TASK_PORT_NAME });
      port.onMessage.addListener((raw) => {
        if (settled || !isServerStreamMessage(raw)) return;
        switch (raw.type) {
          case 'consent-required': {
            const preview = sendPreviewFrom(raw.preview);
            if (preview && handlers.onConsentRequired) handlers.onConsentRequired(preview);
            else answer('deny');
            break;
          }
          case 'start': {
            const chatUrls = stringsFrom(raw.chatUrls);
            const references = referencesFrom(raw.references);
            handlers.onStart?.({
              assistantName: raw.assistantName,
              model: raw.model,
              locality: raw.locality,
              ...(chatUrls ? { chatUrls } : {}),
              ...(references ? { references } : {}),
            });
            break;
          }
          case 'delta':
            handlers.onDelta(raw.text);
            break;
          case 'notice':
            handlers.onNotice?.(translated(raw.wording, raw.text));
            break;
          case 'progress':
            handlers.onProgress?.({ loaded: raw.loaded, target: raw.target });
            break;
          case 'end': {
            settle();
            const chatUrls = stringsFrom(raw.chatUrls);
            handlers.onEnd({
              finishReason: raw.finishReason,
              ...(Array.isArray(raw.suggestions) ? { suggestions: raw.suggestions.filter((s) => typeof s === 'string') } : {}),
              ...(chatUrls ? { chatUrls } : {}),
            });
            break;
          }
          case 'error':
            fail({ ...raw.error, retryable: raw.error.retryable === true });
            break;
        }
      });
      port.onDisconnect.addListener(() => {
        port = null;
        fail(interruptedStream());
      });
      const start: ClientStreamMessage = { type: 'start', tabId, task, ...definedOptions(options) };
      port.postMessage(start);
    } catch {
      // The port could not be opened or closed at once: report it after the caller holds the handle.
      queueMicrotask(() => fail(interruptedStream()));
    }

    function answer(decision: ConsentDecision) {
      if (settled) return;
      try {
        const message: ClientStreamMessage = { type: 'consent', decision };
        port?.postMessage(message);
      } catch {
        // The port closed: the background treats that as deny.
      }
    }

    return {
      consent: answer,
      cancel() {
        if (settled) return;
        const open = port;
        settled = true;
        port = null;
        try {
          const cancel: ClientStreamMessage = { type: 'cancel' };
          open?.postMessage(cancel);
        } catch {
          // The background is gone already; nothing to cancel.
        }
        try {
          open?.disconnect();
        } catch {
          // Already disconnected.
        }
      },
    };
  }

  return { request, startTask };
}

/** Only the choices that are set: `start` carries no `undefined` fields. */
function definedOptions(options: TaskOptions): TaskOptions {
  const defined: TaskOptions = {};
  if (options.tone) defined.tone = options.tone;
  if (options.question) defined.question = options.question;
  if (options.targetLanguage) defined.targetLanguage = options.targetLanguage;
  if (options.replyTo) defined.replyTo = options.replyTo;
  if (options.rewriteMode) defined.rewriteMode = options.rewriteMode;
  if (options.template) defined.template = options.template;
  if (options.scope) defined.scope = options.scope;
  return defined;
}
