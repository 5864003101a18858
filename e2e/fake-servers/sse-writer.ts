/**
 * Writes Server-Sent Events to a node response as they happen: one write per event (or two, split in
 * the middle, to exercise client reassembly), honouring back-pressure, never buffered by us.
 */
import type { ServerResponse } from 'node:http';
import { SplitWriter } from './split-writer';

export interface SseWriterOptions {
  lineEnding: '\n' | '\r\n';
  splitEventsAcrossWrites: boolean;
}

export class SseWriter extends SplitWriter {
  private readonly end: string;

  constructor(response: ServerResponse, options: SseWriterOptions) {
    super(response, options.splitEventsAcrossWrites);
    this.end = options.lineEnding;
  }

  data(payload: string): Promise<void> {
    return this.send(`data: ${payload}${this.end}${this.end}`);
  }

  /** An event with a name (Anthropic's style): `event: <name>` then `data: <payload>`. */
  named(name: string, payload: string): Promise<void> {
    return this.send(`event: ${name}${this.end}data: ${payload}${this.end}${this.end}`);
  }

  comment(text: string): Promise<void> {
    return this.send(`: ${text}${this.end}${this.end}`);
  }
}
