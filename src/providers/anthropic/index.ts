export { createAnthropicProvider } from './provider';
export { describeAnthropicError } from './http-errors';
