/**
 * Streams one Messages API answer the way Anthropic does (research notes §2): message_start,
 * content_block_start, a ping, text deltas, content_block_stop, message_delta with the stop reason
 * and the running output total, message_stop; with the scripted variations of AnthropicStreamBehaviour.
 */
import type { ServerResponse } from 'node:http';
import type { AnthropicStreamBehaviour } from './anthropic-behaviours';
import { anthropicErrorBody } from './anthropic-behaviours';
import { pause, piecesOf, stopsBefore } from './answer-pacing';
import { SseWriter } from './sse-writer';

export interface AnthropicStreamContext {
  model: string;
  inputTokens: number;
  messageId: string;
  onFirstToken(): void;
  onCut(): void;
}

export async function writeAnthropicStream(
  response: ServerResponse,
  behaviour: AnthropicStreamBehaviour,
  context: AnthropicStreamContext,
): Promise<void> {
  const writer = new SseWriter(response, {
    lineEnding: behaviour.lineEnding ?? '\n',
    splitEventsAcrossWrites: behaviour.splitEventsAcrossWrites ?? false,
  });
  const event = (name: string, data: Record<string, unknown>) => writer.named(name, JSON.stringify({ type: name, ...data }));
  const pieces = piecesOf(behaviour);

  await event('message_start', {
    message: {
      id: context.messageId,
      type: 'message',
      role: 'assistant',
      content: [],
      model: context.model,
      stop_reason: null,
      stop_sequence: null,
      usage: { input_tokens: context.inputTokens, output_tokens: 1 },
    },
  });
  let index = 0;
  if (behaviour.thinking !== undefined) {
    await event('content_block_start', { index, content_block: { type: 'thinking', thinking: '', signature: '' } });
    await event('content_block_delta', { index, delta: { type: 'thinking_delta', thinking: behaviour.thinking } });
    await event('content_block_delta', { index, delta: { type: 'signature_delta', signature: 'EqQBCgIYAhIMfakeSignature' } });
    await event('content_block_stop', { index });
    index += 1;
  }
  await event('content_block_start', { index, content_block: { type: 'text', text: '' } });
  // Anthropic sends pings at any time; one before the first token is what clients meet most.
  await writer.named('ping', '{"type": "ping"}');

  for (let sent = 0; sent <= pieces.length; sent++) {
    if (stopsBefore(sent, behaviour, writer, response, context.onCut)) return;
    if (behaviour.midStreamErrorAfter === sent) {
      await writer.named('error', JSON.stringify(anthropicErrorBody(behaviour.midStreamErrorType ?? 'overloaded_error')));
      response.end();
      return;
    }
    const piece = pieces[sent];
    if (piece === undefined) break;
    await event('content_block_delta', { index, delta: { type: 'text_delta', text: piece } });
    if (sent === 0) context.onFirstToken();
    await pause(behaviour);
  }

  await event('content_block_stop', { index });
  await event('message_delta', {
    delta: { stop_reason: behaviour.stopReason ?? 'end_turn', stop_sequence: null },
    usage: { output_tokens: pieces.length },
  });
  await event('message_stop', {});
  if (!writer.closed) response.end();
}
