import { describe, expect, it } from 'vitest';
import { EMPTY_DRAFT, validateDraft } from './form-draft';
import { IMPLEMENTED_PROVIDER_KINDS } from '../../providers/registry';
import { ENABLED_KINDS, defaultNameFor, isPresetValue, modelHintFor } from './presets';
import { extensionOriginFrom, originPattern } from './options-host';

const newId = () => 'id-1';

describe('validateDraft', () => {
  it('turns a complete draft into an assistant and its origin', () => {
    const result = validateDraft(
      { ...EMPTY_DRAFT, kind: 'openrouter', baseUrl: ' https://openrouter.ai/api/v1 ', model: 'openai/gpt-4o-mini', apiKey: ' sk-or ' },
      { hasApiKey: false, newId },
    );
    expect(result).toEqual({
      ok: true,
      assistant: { id: 'id-1', name: 'OpenRouter', kind: 'openrouter', baseUrl: 'https://openrouter.ai/api/v1', model: 'openai/gpt-4o-mini' },
      apiKey: 'sk-or',
      origin: 'https://openrouter.ai',
      missingKey: false,
    });
  });

  it('accepts an in-browser model (WebLLM) without a key', () => {
    const result = validateDraft({ ...EMPTY_DRAFT, kind: 'webllm', baseUrl: 'https://huggingface.co', model: 'Llama-3.2-1B-Instruct-q4f32_1-MLC' }, { hasApiKey: false, newId });
    expect(result.ok).toBe(true);
    expect(result.ok && result.missingKey).toBe(false);
  });

  it('keeps, removes or replaces the stored key', () => {
    const base = { ...EMPTY_DRAFT, id: 'x', kind: 'openai' as const, baseUrl: 'https://api.openai.com/v1', model: 'gpt-4o-mini' };
    const keep = validateDraft(base, { hasApiKey: true, newId });
    expect(keep.ok && keep.apiKey).toBeUndefined();
    expect(keep.ok && keep.missingKey).toBe(false);
    const forget = validateDraft({ ...base, forgetKey: true }, { hasApiKey: true, newId });
    expect(forget.ok && forget.apiKey).toBe('');
    expect(forget.ok && forget.missingKey).toBe(true);
  });
});

describe('presets', () => {
  it('names and hints by preset', () => {
    expect(defaultNameFor('openai-compatible', 'http://localhost:1234/v1')).toBe('LM Studio');
    expect(defaultNameFor('openai-compatible', 'http://10.0.0.5:8000/v1')).toBe('10.0.0.5:8000');
    expect(defaultNameFor('mistral', '')).toBe('Mistral');
    expect(modelHintFor('ollama', '')).toBe('e.g. llama3.2');
  });

  it('builds the permission pattern and the extension origin', () => {
    expect(originPattern('http://localhost:11434')).toBe('http://localhost:11434/*');
    expect(extensionOriginFrom('moz-extension://1234-abcd/')).toBe('moz-extension://1234-abcd');
  });
});

describe('kinds', () => {
  it('the options offer exactly the kinds the provider registry builds', () => {
    expect([...ENABLED_KINDS].sort()).toEqual([...IMPLEMENTED_PROVIDER_KINDS].sort());
  });

  it('a context window is kept only for kinds that use it', () => {
    const base = { ...EMPTY_DRAFT, baseUrl: 'http://localhost:11434', model: 'llama3.2', contextWindow: '32768' };
    const ollama = validateDraft({ ...base, kind: 'ollama' }, { hasApiKey: false, newId });
    expect(ollama.ok && ollama.assistant.contextWindowTokens).toBe(32_768);
    const other = validateDraft({ ...base, kind: 'openai-compatible' }, { hasApiKey: false, newId });
    expect(other.ok && other.assistant).not.toHaveProperty('contextWindowTokens');
  });

  it('the old Ollama /v1 preset counts as a preset value', () => {
    expect(isPresetValue('http://localhost:11434/v1', 'baseUrl')).toBe(true);
    expect(isPresetValue('http://localhost:11434', 'baseUrl')).toBe(true);
  });
});
