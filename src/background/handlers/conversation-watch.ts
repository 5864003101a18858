/**
 * The live watch, background side. A sidebar opens a WATCH_PORT_NAME port and names the tab it shows; the
 * background turns that tab's content-script watch on, passes each `conversation-changed` summary to every
 * port watching the tab, and turns the watch off when the tab's last watcher goes (its port closes). A
 * content script whose summary nobody wants is told so in the reply and stops by itself, which also covers
 * a background that was restarted and forgot its watchers.
 */
import * as v from 'valibot';
import {
  WATCH_PORT_NAME,
  WatchClientMessageSchema,
  type ConversationSummary,
  type WatchServerMessage,
} from '../../shared/protocol';
import { isExtensionPage, type SenderInfo } from '../sender';
import type { BackgroundServices } from '../services';
import { isSupportedMessengerUrl } from '../supported-sites';

export interface WatchPort {
  name: string;
  sender?: SenderInfo;
  postMessage(message: WatchServerMessage): void;
  disconnect(): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
}

export class ConversationWatchHub {
  private readonly watchers = new Map<number, Set<WatchPort>>();

  constructor(private readonly services: BackgroundServices) {}

  /** Takes a port if it is a watch port (returns false for other ports, which are someone else's). */
  accept(port: WatchPort): boolean {
    if (port.name !== WATCH_PORT_NAME) return false;
    if (!port.sender || !isExtensionPage(port.sender, this.services.extension)) {
      port.disconnect();
      return true;
    }
    let watched: number | null = null;
    port.onMessage.addListener((raw) => {
      const parsed = v.safeParse(WatchClientMessageSchema, raw);
      if (!parsed.success || parsed.output.tabId === watched) return;
      if (watched !== null) this.leave(port, watched);
      watched = parsed.output.tabId;
      void this.join(port, watched);
    });
    port.onDisconnect.addListener(() => {
      if (watched !== null) this.leave(port, watched);
      watched = null;
    });
    return true;
  }

  /** A summary from tab `tabId`'s content script (sender checked by the caller); false when nobody watches. */
  changed(tabId: number, summary: ConversationSummary): boolean {
    const ports = this.watchers.get(tabId);
    if (!ports || ports.size === 0) return false;
    for (const port of ports) {
      try {
        port.postMessage({ type: 'conversation-changed', tabId, summary });
      } catch {
        // A port closing right now: its onDisconnect removes it.
      }
    }
    return true;
  }

  /** The tab loaded a page again: its new content script starts unwatched, so turn the watch back on. */
  tabLoaded(tabId: number): void {
    if (this.watchers.get(tabId)?.size) void this.turn(tabId, true);
  }

  watcherCount(tabId: number): number {
    return this.watchers.get(tabId)?.size ?? 0;
  }

  private async join(port: WatchPort, tabId: number): Promise<void> {
    let ports = this.watchers.get(tabId);
    if (!ports) this.watchers.set(tabId, (ports = new Set()));
    ports.add(port);
    await this.turn(tabId, true);
  }

  private leave(port: WatchPort, tabId: number): void {
    const ports = this.watchers.get(tabId);
    if (!ports?.delete(port) || ports.size > 0) return;
    this.watchers.delete(tabId);
    void this.turn(tabId, false);
  }

  private async turn(tabId: number, on: boolean): Promise<void> {
    try {
      if (!isSupportedMessengerUrl(await this.services.tabs.urlOf(tabId))) return;
      await this.services.tabs.sendToContent(tabId, 'background->content:watch', { on });
    } catch {
      // No content script there (yet): tabLoaded turns it on when the page has loaded.
    }
  }
}
