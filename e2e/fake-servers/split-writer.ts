/**
 * Writes to a node response as things happen: one write per message (or two, split in its middle, to
 * exercise client reassembly), honouring back-pressure, never buffered by us. Shared by the SSE and
 * NDJSON writers of the fake servers.
 */
import type { ServerResponse } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';

/** Long enough for the two halves to leave as separate TCP segments with Nagle off. */
const SPLIT_WRITE_GAP_MS = 5;

export class SplitWriter {
  constructor(
    protected readonly response: ServerResponse,
    private readonly splitAcrossWrites: boolean,
  ) {}

  get closed(): boolean {
    return this.response.destroyed || this.response.writableEnded;
  }

  /** Sends one message: one write, or two split in the middle byte (maybe inside a UTF-8 sequence). */
  async send(text: string): Promise<void> {
    if (this.closed) return;
    const bytes = Buffer.from(text, 'utf8');
    if (!this.splitAcrossWrites || bytes.length < 2) {
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
