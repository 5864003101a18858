export { createWebLLMProvider, type WebLLMProviderConfig } from './provider';
export { describeWebLLMError, engineErrorData, LOCAL_ALTERNATIVES_HINT } from './errors';
export type { EngineErrorData, WebLLMChatRequest, WebLLMChunk, WebLLMEngineLike } from './engine';
export { describeModels, type AdapterCapabilities, type LocalModelEntry, type ModelRecordLike } from './catalog';
