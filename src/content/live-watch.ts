/**
 * The live watch: while a sidebar shows this tab, changes to the open chat (another chat opened, messages
 * arriving, the page re-rendered) reach it as a summary, so its status line follows without polling.
 *
 * Cost rules: nothing runs until the background turns the watch on, and `stop()` disconnects everything.
 * Mutation callbacks only note that something changed; one summary is taken per batch, `delayMs` after the
 * first change of the batch (so a burst of 200 messages costs a handful of summaries, not 200), and sent
 * only when it differs from the last one sent.
 */
import type { ConversationSummary } from '../shared/protocol';
import type { SiteAdapter } from './adapters/types';

export const LIVE_WATCH_DELAY_MS = 250;

export interface LiveWatchOptions {
  /** Sends a summary; resolves false when nobody watches any more (then the watch stops itself). */
  send(summary: ConversationSummary): Promise<boolean>;
  delayMs?: number;
  /**
   * True while a scoped read scrolls the list: rows come and go by the dozen then, and a summary would show
   * a count that is not the chat's. The batch waits until the read has put the list back.
   */
  paused?(): boolean;
}

type Targets = NonNullable<ReturnType<NonNullable<SiteAdapter['watchTargets']>>>;

export class LiveWatch {
  private shellObserver: MutationObserver | null = null;
  private chatObserver: MutationObserver | null = null;
  private targets: Targets | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private lastSent: string | null = null;
  private fresh = false;

  constructor(
    private readonly doc: Document,
    private readonly adapter: SiteAdapter,
    private readonly options: LiveWatchOptions,
  ) {}

  get active(): boolean {
    return this.shellObserver !== null;
  }

  /** Starts watching (or, already on, reports the chat again for a newly opened sidebar). */
  start(): void {
    if (!this.adapter.watchTargets || !this.adapter.summarize) return;
    this.lastSent = null;
    this.fresh = true;
    if (!this.active) this.attach();
    this.schedule(0);
  }

  stop(): void {
    this.shellObserver?.disconnect();
    this.chatObserver?.disconnect();
    this.shellObserver = null;
    this.chatObserver = null;
    this.targets = null;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.lastSent = null;
  }

  private attach(): void {
    const targets = this.adapter.watchTargets!(this.doc);
    const Observer = this.doc.defaultView?.MutationObserver ?? globalThis.MutationObserver;
    this.shellObserver ??= new Observer(() => this.schedule());
    this.chatObserver ??= new Observer((records) => {
      const ignore = this.targets?.ignore;
      // Typing in the message box changes nothing the summary holds.
      if (ignore && records.every((record) => ignore.contains(record.target))) return;
      this.schedule();
    });
    this.shellObserver.disconnect();
    this.chatObserver.disconnect();
    this.targets = targets;
    if (!targets) return;
    // Without an open chat, the chat can appear anywhere below the shell; with one, only its siblings change.
    this.shellObserver.observe(targets.shell, { childList: true, subtree: targets.chat === null });
    if (targets.chat) this.chatObserver.observe(targets.chat, { childList: true, subtree: true, characterData: true });
  }

  private schedule(delay = this.options.delayMs ?? LIVE_WATCH_DELAY_MS): void {
    if (this.timer !== null || !this.active) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.flush();
    }, delay);
  }

  private flush(): void {
    if (!this.active) return;
    if (this.options.paused?.()) {
      this.schedule();
      return;
    }
    const now = this.adapter.watchTargets!(this.doc);
    if (now?.chat !== this.targets?.chat || now?.shell !== this.targets?.shell) {
      this.attach();
      this.fresh = true;
    }
    const summary = this.adapter.summarize!(this.doc, this.fresh);
    this.fresh = false;
    const key = JSON.stringify(summary);
    if (key === this.lastSent) return;
    this.lastSent = key;
    void this.options.send(summary).then(
      (watched) => {
        if (!watched) this.stop();
      },
      // The background is gone (extension reloaded or updated): nobody can receive changes.
      () => this.stop(),
    );
  }
}
