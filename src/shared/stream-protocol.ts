/**
 * Port-based streaming between a UI page and the background: the client starts a task,
 * the background answers with deltas and one end or error; either side may cancel by
 * sending `cancel` or disconnecting.
 */
import * as v from 'valibot';
import type { UserFacingError } from './errors';
import type { Wording } from './wording';
import { ReadScopeSchema } from './protocol';
import { TemplateRunSchema } from './templates';

export const TASK_PORT_NAME = 'aside:task';

export const TASKS = ['reply', 'summarize', 'translate', 'rewrite', 'ask', 'template'] as const;
export type TaskName = (typeof TASKS)[number];

/**
 * What each task gives the user: drafts to insert (one card each, with Insert), or text to read (the
 * `output` panel). Here, not in the task registry, so the sidebar knows without importing prompt code.
 */
export const TASK_OUTPUT: Readonly<Record<TaskName, 'drafts' | 'text'>> = {
  reply: 'drafts',
  rewrite: 'drafts',
  summarize: 'text',
  translate: 'text',
  ask: 'text',
  // A template's answer is one text the user may read, edit, or insert.
  template: 'drafts',
};

/** Limits on what the user typed or chose; the prompt builders rely on them. */
export const MAX_TONE_LENGTH = 60;
export const MAX_QUESTION_LENGTH = 2_000;
export const MAX_TARGET_LANGUAGE_LENGTH = 40;

const tone = v.pipe(v.string(), v.trim(), v.maxLength(MAX_TONE_LENGTH));
const question = v.pipe(v.string(), v.trim(), v.maxLength(MAX_QUESTION_LENGTH));
const targetLanguage = v.pipe(v.string(), v.trim(), v.maxLength(MAX_TARGET_LANGUAGE_LENGTH));
/** Message ids are the platform's (short); anything longer is not one. */
export const MAX_MESSAGE_ID_LENGTH = 200;
const messageId = v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_MESSAGE_ID_LENGTH));

/**
 * Rewrite my draft: improve it (default), fix spelling and grammar only, shorten it, change its tone (the
 * tone picker), or translate it into the language the others write in.
 */
export const REWRITE_MODES = ['improve', 'fix', 'shorten', 'tone', 'translate'] as const;
export type RewriteMode = (typeof REWRITE_MODES)[number];

export const CONSENT_DECISIONS = ['once', 'always', 'deny'] as const;
export type ConsentDecision = (typeof CONSENT_DECISIONS)[number];

/** One message of the prompt exactly as it will be sent (same shape as the providers' PromptMessage). */
export interface PreviewMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/** What a remote request would send, and where: shown to the user before anything leaves. */
export interface SendPreview {
  /** The destination origin in full, e.g. https://api.openai.com. */
  destination: string;
  model: string;
  /** The prompt as built (invisible characters already turned into visible [U+XXXX] markers). */
  messages: PreviewMessage[];
}

export const ClientStreamMessageSchema = v.variant('type', [
  v.object({
    type: v.literal('start'),
    tabId: v.pipe(v.number(), v.integer(), v.minValue(0)),
    task: v.picklist(TASKS),
    /** reply and rewrite: the tone the user picked (friendly, brief, formal) or typed. */
    tone: v.optional(tone),
    /** ask: the user's question about the chat. */
    question: v.optional(question),
    /** translate (and summarize, ask): the language the user reads, by name, e.g. "Portuguese". */
    targetLanguage: v.optional(targetLanguage),
    /** reply: the id of the one message to answer (a Message id the sidebar listed); else the chat as a whole. */
    replyTo: v.optional(messageId),
    /** rewrite: what to do with the draft (see REWRITE_MODES); absent: improve it. */
    rewriteMode: v.optional(v.picklist(REWRITE_MODES)),
    /** template: the user's own template to run (its name and instruction; see shared/templates.ts). */
    template: v.optional(TemplateRunSchema),
    /** Which messages this run reads (the sidebar's scope picker); absent: the privacy setting's scope. */
    scope: v.optional(ReadScopeSchema),
  }),
  v.object({ type: v.literal('cancel') }),
  /** The user's answer to `consent-required`: send once, always for this chat (and destination), or not at all. */
  v.object({ type: v.literal('consent'), decision: v.picklist(CONSENT_DECISIONS) }),
]);
export type ClientStreamMessage = v.InferOutput<typeof ClientStreamMessageSchema>;

/** The user's choices for one run, as the client sends them in `start`. */
export type TaskOptions = Pick<
  Extract<ClientStreamMessage, { type: 'start' }>,
  'tone' | 'question' | 'targetLanguage' | 'replyTo' | 'rewriteMode' | 'template' | 'scope'
>;

export type ServerStreamMessage =
  | {
      type: 'start';
      assistantName: string;
      model: string;
      locality: 'local' | 'remote';
      /** As in `end`, sent early so that a run stopped midway still knows the chat's links. */
      chatUrls?: string[];
      /**
       * Tasks that cite messages (catch up, ask): the references the prompt gave the messages (e.g. "m12")
       * and the message id each stands for. A citation in the answer that is not here is dropped.
       */
      references?: Record<string, string>;
    }
  /**
   * Before the first request of a run to a remote assistant (unless the chat has a standing grant for that
   * destination): nothing is sent until the client answers `consent` on the same port.
   */
  | { type: 'consent-required'; preview: SendPreview }
  | { type: 'delta'; text: string }
  /**
   * Something the user should know while waiting, e.g. the provider is rate-limiting and we retry.
   * `wording`: the same sentence as a catalogue id (src/shared/wording.ts), shown in the user's language.
   */
  | { type: 'notice'; text: string; wording?: Wording }
  /** Before `start`: older messages are being loaded for the run's scope (`target` 0: unknown). */
  | { type: 'progress'; loaded: number; target: number }
  | {
      type: 'end';
      finishReason: string;
      suggestions?: string[];
      /** URLs in the text the model saw (the chat's messages and, for rewrite, the user's own draft). */
      chatUrls: string[];
    }
  | { type: 'error'; error: UserFacingError };
