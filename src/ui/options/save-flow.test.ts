import { describe, expect, it, vi } from 'vitest';
import { saveDraft } from './save-flow';
import { EMPTY_DRAFT, type FormDraft } from './form-draft';
import type { OptionsHost } from './options-host';
import { FakeApi } from '../testing/fake-api';
import { localityOf, type AssistantView } from '../../shared/settings';

function setup() {
  const host: OptionsHost = {
    requestOrigin: vi.fn(async () => true),
    extensionOrigin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop',
    copyText: vi.fn(async () => undefined),
    newId: () => 'new-id',
  };
  const api = new FakeApi().on('ui->background:save-assistant', ({ assistant }) => ({
    assistant: { ...assistant, hasApiKey: false, locality: localityOf(assistant) } satisfies AssistantView,
  }));
  return { host, api };
}

const draft = (fields: Partial<FormDraft>): FormDraft => ({ ...EMPTY_DRAFT, name: 'Mine', ...fields });

describe('saving an assistant', () => {
  it('asks the browser for a server’s origin', async () => {
    const { host, api } = setup();
    const outcome = await saveDraft(api, host, draft({ kind: 'ollama', baseUrl: 'http://localhost:11434', model: 'llama3.2' }), false);
    expect(host.requestOrigin).toHaveBeenCalledWith('http://localhost:11434');
    expect(outcome.ok && (await outcome.originGranted)).toBe(true);
  });

  it.each([
    ['webllm', 'https://huggingface.co', 'Llama-3.2-1B-Instruct-q4f32_1-MLC'],
    ['chrome-ai', 'http://localhost', 'chrome-built-in'],
  ] as const)('asks no host permission for %s, which reaches no server of the user’s', async (kind, baseUrl, model) => {
    const { host, api } = setup();
    const outcome = await saveDraft(api, host, draft({ kind, baseUrl, model }), false);
    expect(host.requestOrigin).not.toHaveBeenCalled();
    expect(outcome.ok).toBe(true);
    expect(outcome.ok && (await outcome.originGranted)).toBe(true);
    expect(api.callsOf('ui->background:save-assistant')).toHaveLength(1);
  });
});
