import { describe, expect, it } from 'vitest';
import { EMPTY_DRAFT, validateDraft } from './form-draft';
import { defaultNameFor, modelHintFor } from './presets';
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

  it('refuses kinds that are not built yet', () => {
    const result = validateDraft({ ...EMPTY_DRAFT, kind: 'anthropic', baseUrl: 'https://api.anthropic.com', model: 'claude' }, { hasApiKey: true, newId });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors.kind).toContain('coming soon');
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
