export { createOllamaProvider } from './provider';
export { describeOllamaError } from './http-errors';
export { ollamaOriginsHint, ollamaOriginsValue } from './origins';
export { DEFAULT_CONTEXT_WINDOW_TOKENS, ollamaRoot } from './request';
