/**
 * Streams one /api/chat answer the way Ollama does (research notes §5): one JSON object per line,
 * the last with `done: true`, `done_reason` and the counters; with the scripted variations of
 * OllamaStreamBehaviour.
 */
import type { ServerResponse } from 'node:http';
import { pause, piecesOf } from './answer-pacing';
import type { OllamaStreamBehaviour } from './ollama-behaviours';
import { SplitWriter } from './split-writer';

export interface OllamaStreamContext {
  model: string;
  promptTokens: number;
  onFirstToken(): void;
  onCut(): void;
}

export async function writeOllamaStream(response: ServerResponse, behaviour: OllamaStreamBehaviour, context: OllamaStreamContext): Promise<void> {
  const writer = new SplitWriter(response, behaviour.splitLinesAcrossWrites ?? false);
  const line = (fields: Record<string, unknown>) => `${JSON.stringify({ model: context.model, created_at: new Date().toISOString(), ...fields })}\n`;
  const message = (content: string, extra: Record<string, unknown> = {}) => ({ role: 'assistant', content, ...extra });
  const pieces = piecesOf(behaviour);
  const started = process.hrtime.bigint();

  if (behaviour.thinking !== undefined) await writer.send(line({ message: message('', { thinking: behaviour.thinking }), done: false }));
  for (let sent = 0; sent <= pieces.length; sent++) {
    if (writer.closed) return;
    if (behaviour.cutAfter === sent) {
      const next = line({ message: message(pieces[sent] ?? ''), done: false });
      await writer.send(next.slice(0, Math.floor(next.length / 2)));
      context.onCut();
      response.socket?.destroy();
      return;
    }
    if (behaviour.stallAfter === sent) return;
    if (behaviour.midStreamErrorAfter === sent) {
      await writer.send(`${JSON.stringify({ error: behaviour.midStreamErrorMessage ?? 'an error was encountered while running the model: unexpected EOF' })}\n`);
      response.end();
      return;
    }
    const piece = pieces[sent];
    if (piece === undefined) break;
    await writer.send(line({ message: message(piece), done: false }));
    if (sent === 0) context.onFirstToken();
    await pause(behaviour);
  }
  const totalNanoseconds = Number(process.hrtime.bigint() - started);
  await writer.send(
    line({
      message: message(''),
      done: true,
      done_reason: behaviour.doneReason ?? 'stop',
      total_duration: totalNanoseconds,
      load_duration: 1_334_875,
      prompt_eval_count: context.promptTokens,
      prompt_eval_duration: 342_546_000,
      eval_count: pieces.length,
      eval_duration: totalNanoseconds,
    }),
  );
  if (!writer.closed) response.end();
}
