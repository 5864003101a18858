/**
 * Writes Server-Sent Events to a node response as they happen: one write per event (or two, split in
 * the middle, to exercise client reassembly), honouring back-pressure, never buffered by us.
 */
import type { ServerResponse } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';

export interface SseWriterOptions {
  lineEnding: '\n' | '\r\n';
  splitEventsAcrossWrites: boolean;
}

/** Long enough for the two halves to leave as separate TCP segments with Nagle off. */
const SPLIT_WRITE_GAP_MS = 5;

export class SseWriter {
  constructor(
    private readonly response: ServerResponse,
    private readonly options: SseWriterOptions,
  ) {}

  data(payload: string): Promise<void> {
    const end = this.options.lineEnding;
    return this.send(`data: ${payload}${end}${end}`);
  }

  comment(text: string): Promise<void> {
    const end = this.options.lineEnding;
    return this.send(`: ${text}${end}${end}`);
  }

  get closed(): boolean {
    return this.response.destroyed || this.response.writableEnded;
  }

  private async send(event: string): Promise<void> {
    if (this.closed) return;
    const bytes = Buffer.from(event, 'utf8');
    if (!this.options.splitEventsAcrossWrites || bytes.length < 2) {
      await this.write(bytes);
      return;
    }
    const middle = Math.floor(bytes.length / 2);
    await this.write(bytes.subarray(0, middle));
    await delay(SPLIT_WRITE_GAP_MS);
    if (!this.closed) await this.write(bytes.subarray(middle));
  }

  private write(bytes: Buffer): Promise<void> {
    if (this.response.write(bytes)) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        this.response.off('drain', done);
        this.response.off('close', done);
        resolve();
      };
      this.response.once('drain', done);
      this.response.once('close', done);
    });
  }
}
