/**
 * Streams one streamGenerateContent?alt=sse answer the way Gemini does (research notes §3): one
 * GenerateContentResponse per `data:` event, usageMetadata on every chunk, finishReason on the last,
 * no terminator; with the scripted variations of GeminiStreamBehaviour.
 */
import type { ServerResponse } from 'node:http';
import { pause, piecesOf, stopsBefore } from './answer-pacing';
import { googleErrorBody, type GeminiStreamBehaviour } from './gemini-behaviours';
import { SseWriter } from './sse-writer';

export interface GeminiStreamContext {
  model: string;
  promptTokens: number;
  responseId: string;
  onFirstToken(): void;
  onCut(): void;
}

export async function writeGeminiStream(response: ServerResponse, behaviour: GeminiStreamBehaviour, context: GeminiStreamContext): Promise<void> {
  const writer = new SseWriter(response, {
    lineEnding: behaviour.lineEnding ?? '\r\n',
    splitEventsAcrossWrites: behaviour.splitEventsAcrossWrites ?? false,
  });
  const pieces = piecesOf(behaviour);
  const usage = (candidates: number | undefined) => ({
    promptTokenCount: context.promptTokens,
    ...(candidates !== undefined ? { candidatesTokenCount: candidates } : {}),
    totalTokenCount: context.promptTokens + (candidates ?? 0),
  });
  const chunk = (parts: unknown[], sent: number, finishReason?: string) => {
    const candidate: Record<string, unknown> = { content: { parts, role: 'model' } };
    if (finishReason) candidate.finishReason = finishReason;
    if (behaviour.finishOnEveryChunk) {
      candidate.index = 0;
      candidate.safetyRatings = [{ category: 'HARM_CATEGORY_HARASSMENT', probability: 'NEGLIGIBLE' }];
    }
    return JSON.stringify({ candidates: [candidate], usageMetadata: usage(sent), modelVersion: context.model, responseId: context.responseId });
  };

  if (behaviour.blockReason) {
    await writer.data(
      JSON.stringify({
        promptFeedback: { blockReason: behaviour.blockReason, safetyRatings: [{ category: 'HARM_CATEGORY_DANGEROUS_CONTENT', probability: 'HIGH', blocked: true }] },
        usageMetadata: usage(undefined),
        modelVersion: context.model,
        responseId: context.responseId,
      }),
    );
    response.end();
    return;
  }
  if (behaviour.thought !== undefined) await writer.data(chunk([{ text: behaviour.thought, thought: true }], 0));

  const finishReason = behaviour.finishReason ?? 'STOP';
  for (let sent = 0; sent < pieces.length; sent++) {
    if (stopsBefore(sent, behaviour, writer, response, context.onCut)) return;
    if (behaviour.midStreamErrorAfter === sent) {
      await writer.data(JSON.stringify(googleErrorBody(503)));
      response.end();
      return;
    }
    const last = sent === pieces.length - 1;
    await writer.data(chunk([{ text: pieces[sent] }], sent + 1, last || behaviour.finishOnEveryChunk ? finishReason : undefined));
    if (sent === 0) context.onFirstToken();
    if (!last) await pause(behaviour);
  }
  // An empty answer still ends with a finishReason.
  if (pieces.length === 0) await writer.data(chunk([{ text: '' }], 0, finishReason));
  if (!writer.closed) response.end();
}
