export { createOpenAICompatibleProvider, type OpenAICompatibleOptions } from './provider';
export type { OpenAICompatibleDialect } from './request';
export { describeHttpError, ollamaOriginsValue } from './http-errors';
