// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { readChunk, readCompleteResponse, toFinishReason } from './chunk';

describe('readChunk', () => {
  it('recognises [DONE], with stray whitespace', () => {
    expect(readChunk('[DONE]')).toEqual({ type: 'done' });
    expect(readChunk(' [DONE] ')).toEqual({ type: 'done' });
  });

  it('reads content, finish_reason and usage, ignoring unknown keys', () => {
    expect(
      readChunk(
        JSON.stringify({
          obfuscation: 'xyz',
          service_tier: 'default',
          x_groq: { id: 'q' },
          choices: [{ index: 0, delta: { content: 'Hi', refusal: null, reasoning: 'hmm' }, finish_reason: 'stop', native_finish_reason: 'end_turn' }],
          usage: { prompt_tokens: 1, completion_tokens: 2, total_tokens: 3 },
        }),
      ),
    ).toEqual({ type: 'chunk', text: 'Hi', finishReason: 'stop', usage: { inputTokens: 1, outputTokens: 2 } });
  });

  it('yields nothing for role-only chunks, empty choices, null usage and null content', () => {
    expect(readChunk('{"choices":[{"index":0,"delta":{"role":"assistant"}}],"usage":null}')).toEqual({ type: 'chunk' });
    expect(readChunk('{"choices":[]}')).toEqual({ type: 'chunk' });
    expect(readChunk('{"choices":[{"index":0,"delta":{"content":null}}]}')).toEqual({ type: 'chunk' });
    expect(readChunk('{"choices":[{"index":0,"delta":{"content":""}}]}')).toEqual({ type: 'chunk' });
  });

  it('reads only choice 0', () => {
    expect(readChunk('{"choices":[{"index":1,"delta":{"content":"B"}},{"index":0,"delta":{"content":"A"}}]}')).toMatchObject({ text: 'A' });
  });

  it('reads error payloads: nested, string, and event: error', () => {
    expect(readChunk('{"error":{"message":"boom","code":502}}')).toEqual({ type: 'error', message: 'boom', code: '502' });
    expect(readChunk('{"error":"boom"}')).toEqual({ type: 'error', message: 'boom' });
    expect(readChunk('{"message":"overloaded"}', 'error')).toEqual({ type: 'error', message: 'overloaded' });
  });

  it('reports malformed JSON and non-objects', () => {
    expect(readChunk('{"choices":[')).toMatchObject({ type: 'malformed' });
    expect(readChunk('42')).toMatchObject({ type: 'malformed' });
  });
});

describe('readCompleteResponse', () => {
  it('reads a non-streamed completion', () => {
    expect(readCompleteResponse('{"choices":[{"index":0,"message":{"content":"All"},"finish_reason":"length"}]}')).toEqual({
      type: 'chunk',
      text: 'All',
      finishReason: 'length',
    });
    expect(readCompleteResponse('{"choices":[]}')).toMatchObject({ type: 'malformed' });
  });
});

describe('toFinishReason', () => {
  it('maps OpenAI and Mistral reasons', () => {
    expect(toFinishReason('stop')).toBe('stop');
    expect(toFinishReason(undefined)).toBe('stop');
    expect(toFinishReason('length')).toBe('length');
    expect(toFinishReason('model_length')).toBe('length');
    expect(toFinishReason('content_filter')).toBe('content-filter');
    expect(toFinishReason('tool_calls')).toBe('other');
  });
});
