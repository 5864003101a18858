export { createChromeAIProvider, splitPrompt, CHROME_AI_MODEL_ID, type ChromeAIProviderConfig } from './provider';
export { describeChromeAIError, notDownloadedError, unavailableError } from './errors';
export { languageModelOf, type LanguageModelApi, type LanguageModelAvailability, type LanguageModelSession } from './language-model-api';
