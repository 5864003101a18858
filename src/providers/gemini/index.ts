export { createGeminiProvider } from './provider';
export { describeGeminiError } from './http-errors';
