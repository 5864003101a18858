/**
 * Streams one chat-completions answer the way OpenAI does: role chunk, content deltas, finish chunk,
 * usage chunk when `stream_options.include_usage` was asked, `data: [DONE]`; with the scripted
 * variations and failures of StreamBehaviour.
 */
import type { ServerResponse } from 'node:http';
import { pause, piecesOf, stopsBefore } from './answer-pacing';
import type { StreamBehaviour } from './openai-compatible-behaviours';
import { SseWriter } from './sse-writer';

export { DEFAULT_ANSWER } from './answer-pacing';

export interface ChatStreamContext {
  model: string;
  includeUsage: boolean;
  promptTokens: number;
  requestId: string;
  onFirstToken(): void;
  /** Called just before the stream is cut on purpose, so the cut is not mistaken for the client leaving. */
  onCut(): void;
}

/** Resolves when the stream is finished, cut, stalled or closed by the client. */
export async function writeChatStream(
  response: ServerResponse,
  behaviour: StreamBehaviour,
  context: ChatStreamContext,
): Promise<void> {
  const writer = new SseWriter(response, {
    lineEnding: behaviour.lineEnding ?? '\n',
    splitEventsAcrossWrites: behaviour.splitEventsAcrossWrites ?? false,
  });
  const pieces = piecesOf(behaviour);
  const created = Math.floor(Date.now() / 1000);
  const id = `chatcmpl-${context.requestId}`;
  const chunk = (choices: unknown[], extra: Record<string, unknown> = {}) =>
    JSON.stringify({
      id,
      object: 'chat.completion.chunk',
      created,
      model: context.model,
      system_fingerprint: 'fp_fake',
      choices,
      ...(context.includeUsage ? { usage: null } : {}),
      ...extra,
    });
  const midStream = Math.floor(pieces.length / 2);

  if (behaviour.openRouterComments) await writer.comment('OPENROUTER PROCESSING');
  await writer.data(chunk([{ index: 0, delta: { role: 'assistant', content: '' }, logprobs: null, finish_reason: null }]));

  for (let sent = 0; sent <= pieces.length; sent++) {
    if (stopsBefore(sent, behaviour, writer, response, context.onCut)) return;
    if (behaviour.midStreamErrorAfter === sent) {
      await writer.data(
        JSON.stringify({
          error: {
            message: behaviour.midStreamErrorMessage ?? 'The server had an error while processing your request. Sorry about that!',
            type: 'server_error',
            param: null,
            code: null,
          },
        }),
      );
      response.end();
      return;
    }
    if (behaviour.malformedChunkAfter === sent) {
      await writer.data(`{"id":"${id}","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"content":"`);
    }
    if (behaviour.openRouterComments && sent === midStream && sent > 0) await writer.comment('OPENROUTER PROCESSING');
    const piece = pieces[sent];
    if (piece === undefined) break;
    await writer.data(chunk([{ index: 0, delta: { content: piece }, logprobs: null, finish_reason: null }]));
    if (sent === 0) context.onFirstToken();
    await pause(behaviour);
  }

  const usage = {
    prompt_tokens: context.promptTokens,
    completion_tokens: pieces.length,
    total_tokens: context.promptTokens + pieces.length,
  };
  const finish = [{ index: 0, delta: {}, logprobs: null, finish_reason: behaviour.finishReason ?? 'stop' }];
  await writer.data(behaviour.mistralUsage ? chunk(finish, { usage }) : chunk(finish));
  if (context.includeUsage && !behaviour.mistralUsage) await writer.data(chunk([], { usage }));
  await writer.data('[DONE]');
  if (!writer.closed) response.end();
}
