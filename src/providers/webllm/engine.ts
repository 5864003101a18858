/**
 * The boundary between the WebLLM provider and the engine. It is the part of web-llm's MLCEngine the
 * provider uses (OpenAI-style streaming chat completions, and interrupting a generation), so the real
 * engine, the background's proxy to the engine host page, and a test double all fit it. Nothing here
 * imports web-llm: its ~2 MB chunk must load only in the engine host.
 */

/** One streamed chunk, as web-llm's `chat.completions.create({ stream: true })` yields it. */
export interface WebLLMChunk {
  choices: Array<{
    delta?: { content?: string | null };
    finish_reason?: string | null;
  }>;
  usage?: { prompt_tokens?: number; completion_tokens?: number } | null;
}

export interface WebLLMChatRequest {
  messages: Array<{ role: 'system' | 'user' | 'assistant'; content: string }>;
  stream: true;
  stream_options: { include_usage: true };
  max_tokens?: number;
  temperature?: number;
}

export interface WebLLMEngineLike {
  chat: {
    completions: {
      create(request: WebLLMChatRequest): Promise<AsyncIterable<WebLLMChunk>>;
    };
  };
  /** Stops the generation under way; the stream then ends with finish_reason "abort". */
  interruptGenerate(): void;
}

/**
 * The error shape that crosses from the engine host to the background: class identity is lost on the
 * way, so the provider maps errors by name and message (see errors.ts).
 */
export interface EngineErrorData {
  name: string;
  message: string;
  /** HTTP status of a failed model file download. */
  status?: number;
  /** The URL whose download failed (model files are public; no secret is ever in it). */
  url?: string;
}
