/**
 * The one "model" of Chrome's built-in AI, as the assistant's settings record it. Its own module, free of
 * imports, so the options page can name it without bundling the provider and its error wordings.
 */
export const CHROME_AI_MODEL_ID = 'chrome-built-in';
