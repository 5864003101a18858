/**
 * The documented surface of Chrome's Prompt API (the global `LanguageModel`) that Aside uses. Chrome
 * exposes it to extension windows and workers (the service worker included) from Chrome 138; Debian's
 * Chromium and Firefox have none. Typed here because the DOM typings do not know it yet.
 */
export type LanguageModelAvailability = 'unavailable' | 'downloadable' | 'downloading' | 'available';

export interface LanguageModelPrompt {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface LanguageModelCreateOptions {
  signal?: AbortSignal;
  /** Called with a monitor that fires `downloadprogress` events ({ loaded: 0..1 }) while the model downloads. */
  monitor?: (monitor: EventTarget) => void;
  initialPrompts?: LanguageModelPrompt[];
  temperature?: number;
  topK?: number;
  expectedInputs?: Array<{ type: 'text'; languages?: string[] }>;
  expectedOutputs?: Array<{ type: 'text'; languages?: string[] }>;
}

export interface LanguageModelSession {
  promptStreaming(input: string | LanguageModelPrompt[], options?: { signal?: AbortSignal }): AsyncIterable<string>;
  destroy(): void;
}

export interface LanguageModelApi {
  availability(options?: Omit<LanguageModelCreateOptions, 'signal' | 'monitor' | 'initialPrompts'>): Promise<LanguageModelAvailability>;
  create(options?: LanguageModelCreateOptions): Promise<LanguageModelSession>;
  params?(): Promise<{ defaultTopK: number; maxTopK: number; defaultTemperature: number; maxTemperature: number }>;
}

/** The global, where this browser has it. */
export function languageModelOf(scope: object): LanguageModelApi | undefined {
  const candidate = (scope as { LanguageModel?: unknown }).LanguageModel;
  if ((typeof candidate === 'function' || typeof candidate === 'object') && candidate !== null) {
    const api = candidate as Partial<LanguageModelApi>;
    if (typeof api.availability === 'function' && typeof api.create === 'function') return api as LanguageModelApi;
  }
  return undefined;
}
