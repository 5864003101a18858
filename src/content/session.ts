/**
 * What the content script keeps between requests, per page: the scoped read in progress (one at a time:
 * two reads scrolling the same list would fight) and the live watch. Everything else is stateless.
 */
import type { Conversation } from '../shared/conversation';
import type { ConversationSummary, MessageType, Payload, ReadScope, Response } from '../shared/protocol';
import type { SiteAdapter } from './adapters/types';
import { LiveWatch } from './live-watch';

export type ContentToBackgroundType = Extract<MessageType, `content->background:${string}`>;

/** Sends a message to the extension's background and returns its answer (undefined when there is none). */
export type Notify = <T extends ContentToBackgroundType>(type: T, payload: Payload<T>) => Promise<Response<T> | undefined>;

export class ContentSession {
  private reading: AbortController | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private watch: LiveWatch | null = null;

  constructor(
    private readonly doc: Document,
    private readonly notify: Notify,
    private readonly watchDelayMs?: number,
  ) {}

  /** A scoped read, after any read already running; its progress goes to the background. */
  readScoped(adapter: SiteAdapter, scope: ReadScope): Promise<Conversation> {
    const run = async (): Promise<Conversation> => {
      if (!adapter.readScoped) return adapter.read(this.doc);
      const controller = new AbortController();
      this.reading = controller;
      try {
        return await adapter.readScoped(this.doc, scope, {
          signal: controller.signal,
          onProgress: (progress) => void this.notify('content->background:history-progress', progress).catch(() => undefined),
        });
      } finally {
        if (this.reading === controller) this.reading = null;
      }
    };
    const result = this.queue.then(run, run);
    this.queue = result.catch(() => undefined);
    return result;
  }

  /** Stops the running scoped read (it restores the scroll position and answers with what it has). */
  cancelHistory(): boolean {
    if (!this.reading || this.reading.signal.aborted) return false;
    this.reading.abort();
    return true;
  }

  setWatch(adapter: SiteAdapter, on: boolean): boolean {
    if (!on) {
      this.watch?.stop();
      return false;
    }
    if (!adapter.watchTargets || !adapter.summarize) return false;
    this.watch ??= new LiveWatch(this.doc, adapter, {
      send: async (summary: ConversationSummary) => {
        const answer = await this.notify('content->background:conversation-changed', summary);
        return answer?.watching === true;
      },
      paused: () => this.reading !== null,
      ...(this.watchDelayMs !== undefined ? { delayMs: this.watchDelayMs } : {}),
    });
    this.watch.start();
    return true;
  }

  get watching(): boolean {
    return this.watch?.active === true;
  }
}
