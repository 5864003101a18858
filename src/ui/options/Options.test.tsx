import { afterEach, describe, expect, it, vi } from 'vitest';
import { Options } from './Options';
import type { OptionsHost } from './options-host';
import { FakeApi, failWith } from '../testing/fake-api';
import { allByTestId, byTestId, choose, cleanup, click, getByTestId, mount, settle, typeInto } from '../testing/dom';
import { localityOf, PROVIDER_KINDS, type AssistantView } from '../../shared/settings';

const EXTENSION_ORIGIN = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';

function fakeHost(granted: boolean | Error = true) {
  const log: string[] = [];
  const host: OptionsHost = {
    requestOrigin: vi.fn((origin: string) => {
      log.push(`permission ${origin}`);
      return granted instanceof Error ? Promise.reject(granted) : Promise.resolve(granted);
    }),
    extensionOrigin: EXTENSION_ORIGIN,
    copyText: vi.fn(async () => undefined),
    newId: () => 'new-id',
  };
  return { host, log };
}

/** A background that keeps assistants in memory, as the real one keeps them in storage. */
function fakeBackground(initial: AssistantView[] = [], activeId: string | null = null, log: string[] = []) {
  let assistants = [...initial];
  let active = activeId;
  const api = new FakeApi()
    .on('ui->background:get-assistants', () => ({ assistants, activeAssistantId: active }))
    .on('ui->background:save-assistant', ({ assistant, apiKey }) => {
      log.push(`save ${assistant.id}`);
      const previous = assistants.find((a) => a.id === assistant.id);
      const hasApiKey = apiKey === undefined ? (previous?.hasApiKey ?? false) : apiKey !== '';
      const view: AssistantView = { ...assistant, hasApiKey, locality: localityOf(assistant) };
      assistants = previous ? assistants.map((a) => (a.id === view.id ? view : a)) : [...assistants, view];
      return { assistant: view };
    })
    .on('ui->background:set-active-assistant', ({ id }) => {
      active = id;
      return { activeAssistantId: id };
    })
    .on('ui->background:delete-assistant', ({ id }) => {
      assistants = assistants.filter((a) => a.id !== id);
      if (active === id) active = null;
      return { deleted: true };
    })
    .on('ui->background:test-assistant', () => ({ ok: true, detail: 'The model answered in 120 ms.' }));
  return api;
}

const SAVED_OPENAI: AssistantView = {
  id: 'a2',
  name: 'OpenAI',
  kind: 'openai',
  baseUrl: 'https://api.openai.com/v1',
  model: 'gpt-4o-mini',
  hasApiKey: true,
  locality: 'remote',
};

async function setup(api = fakeBackground(), host = fakeHost().host) {
  const { container } = await mount(<Options api={api} host={host} />);
  await settle();
  return { container, api, host };
}

const input = (root: HTMLElement, id: string) => getByTestId<HTMLInputElement>(root, id);

async function fillOllama(container: HTMLElement) {
  await choose(getByTestId<HTMLSelectElement>(container, 'provider-kind'), 'ollama');
  await typeInto(input(container, 'provider-model'), 'llama3.2');
}

afterEach(cleanup);

describe('provider form', () => {
  it('offers every provider kind, each one available', async () => {
    const { container } = await setup();
    const select = getByTestId<HTMLSelectElement>(container, 'provider-kind');
    const options = [...select.options];
    expect(options.map((o) => o.value)).toEqual([...PROVIDER_KINDS]);
    expect(options.filter((o) => o.disabled).map((o) => o.value)).toEqual([]);
    expect(options.map((o) => o.textContent).join(' ')).not.toContain('coming soon');
  });

  it('fills the base URL from the kind’s preset and shows the exact Ollama origin setting', async () => {
    const { container, host } = await setup();
    await choose(getByTestId<HTMLSelectElement>(container, 'provider-kind'), 'ollama');
    expect(input(container, 'provider-base-url').value).toBe('http://localhost:11434');
    expect(input(container, 'provider-name').value).toBe('Ollama');
    expect(input(container, 'provider-model').placeholder).toContain('llama3.2');
    expect(getByTestId(container, 'ollama-origins').textContent).toBe(`OLLAMA_ORIGINS=${EXTENSION_ORIGIN}`);
    await click(getByTestId(container, 'copy-ollama-origins'));
    expect(host.copyText).toHaveBeenCalledWith(`OLLAMA_ORIGINS=${EXTENSION_ORIGIN}`);

    await choose(getByTestId<HTMLSelectElement>(container, 'provider-kind'), 'mistral');
    expect(input(container, 'provider-base-url').value).toBe('https://api.mistral.ai/v1');
    expect(byTestId(container, 'ollama-help')).toBeNull();

    await choose(getByTestId<HTMLSelectElement>(container, 'provider-kind'), 'openai-compatible');
    await click(getByTestId(container, 'preset-lm-studio'));
    expect(input(container, 'provider-base-url').value).toBe('http://localhost:1234/v1');
    await click(getByTestId(container, 'preset-llama-cpp'));
    expect(input(container, 'provider-base-url').value).toBe('http://localhost:8080/v1');
  });

  it('shows validation messages beside the fields and neither asks nor saves', async () => {
    const { container, api, host } = await setup();
    await typeInto(input(container, 'provider-base-url'), 'ftp://example.com');
    await click(getByTestId(container, 'provider-save'));
    const errors = Object.fromEntries(allByTestId(container, 'field-error').map((e) => [e.dataset.field, e.textContent]));
    expect(errors['provider-name']).toBeUndefined();
    expect(errors['provider-base-url']).toBe('Only http:// and https:// URLs are allowed');
    expect(errors['provider-model']).toBe('Enter a model name');
    expect(input(container, 'provider-model').getAttribute('aria-invalid')).toBe('true');
    expect(host.requestOrigin).not.toHaveBeenCalled();
    expect(api.callsOf('ui->background:save-assistant')).toEqual([]);
  });

  it('asks for the provider origin inside the click, before saving', async () => {
    const { host, log } = fakeHost(true);
    const api = fakeBackground([], null, log);
    const { container } = await setup(api, host);
    await fillOllama(container);

    getByTestId<HTMLButtonElement>(container, 'provider-save').click();
    // Synchronously, in the same task as the click (the user gesture): the permission prompt.
    expect(host.requestOrigin).toHaveBeenCalledWith('http://localhost:11434');
    await settle();

    expect(log).toEqual(['permission http://localhost:11434', 'save new-id']);
    expect(api.callsOf('ui->background:save-assistant')).toEqual([
      {
        assistant: { id: 'new-id', name: 'Ollama', kind: 'ollama', baseUrl: 'http://localhost:11434', model: 'llama3.2' },
      },
    ]);
    expect(getByTestId(container, 'save-result').textContent).toContain('Saved “Ollama”');
    expect(byTestId(container, 'permission-warning')).toBeNull();
    // The first assistant becomes the active one and is marked so.
    expect(api.callsOf('ui->background:set-active-assistant')).toEqual([{ id: 'new-id' }]);
    const item = getByTestId(container, 'assistant-item');
    expect(item.dataset.active).toBe('true');
    expect(item.textContent).toContain('Active');
  });

  it('still saves when the permission is refused, and says the browser may block requests', async () => {
    const { container, api } = await setup(fakeBackground(), fakeHost(false).host);
    await fillOllama(container);
    await click(getByTestId(container, 'provider-save'));
    expect(api.callsOf('ui->background:save-assistant')).toHaveLength(1);
    expect(getByTestId(container, 'permission-warning').textContent).toContain('may block requests');
    expect(getByTestId(container, 'permission-warning').textContent).toContain('http://localhost:11434');
  });

  it('still saves when the permission API is unavailable', async () => {
    const { container, api } = await setup(fakeBackground(), fakeHost(new Error('permissions is undefined')).host);
    await fillOllama(container);
    await click(getByTestId(container, 'provider-save'));
    expect(api.callsOf('ui->background:save-assistant')).toHaveLength(1);
    expect(byTestId(container, 'permission-warning')).not.toBeNull();
  });

  it('does not wait for the user to answer the permission prompt', async () => {
    const { host } = fakeHost();
    host.requestOrigin = vi.fn(() => new Promise<boolean>(() => undefined));
    const { container, api } = await setup(fakeBackground(), host);
    await fillOllama(container);
    await click(getByTestId(container, 'provider-save'));
    expect(api.callsOf('ui->background:save-assistant')).toHaveLength(1);
    expect(getByTestId(container, 'save-result').textContent).toContain('Saved');
    expect(byTestId(container, 'permission-warning')).toBeNull();
  });

  it('names an unnamed server after its address, as filling only the contract fields does', async () => {
    const { container, api, host } = await setup();
    await choose(getByTestId<HTMLSelectElement>(container, 'provider-kind'), 'openai-compatible');
    await typeInto(input(container, 'provider-base-url'), 'http://127.0.0.1:43123/v1');
    await typeInto(input(container, 'provider-api-key'), 'sk-test');
    await typeInto(input(container, 'provider-model'), 'fake-model');
    await click(getByTestId(container, 'provider-save'));
    expect(host.requestOrigin).toHaveBeenCalledWith('http://127.0.0.1:43123');
    expect(api.callsOf('ui->background:save-assistant')).toEqual([
      {
        assistant: { id: 'new-id', name: '127.0.0.1:43123', kind: 'openai-compatible', baseUrl: 'http://127.0.0.1:43123/v1', model: 'fake-model' },
        apiKey: 'sk-test',
      },
    ]);
  });

  it('shows the background’s config errors beside the form', async () => {
    const api = fakeBackground().on('ui->background:save-assistant', () =>
      failWith({ kind: 'config', message: 'Base URL must end in /v1', hint: 'Try http://localhost:11434/v1', retryable: false }),
    );
    const { container } = await setup(api);
    await fillOllama(container);
    await click(getByTestId(container, 'provider-save'));
    const error = getByTestId(container, 'error');
    expect(error.dataset.kind).toBe('config');
    expect(error.textContent).toContain('Base URL must end in /v1');
    expect(error.textContent).toContain('Try http://localhost:11434/v1');
    expect(byTestId(container, 'save-result')).toBeNull();
  });
});

describe('API key', () => {
  it('is never prefilled, keeps the stored key when left empty, and replaces it when typed', async () => {
    const api = fakeBackground([SAVED_OPENAI], 'a2');
    const { container } = await setup(api);
    await click(getByTestId(container, 'assistant-edit'));
    const key = input(container, 'provider-api-key');
    expect(key.type).toBe('password');
    expect(key.value).toBe('');
    expect(key.placeholder).toBe('Key saved — leave empty to keep it');

    await click(getByTestId(container, 'provider-save'));
    expect(api.callsOf('ui->background:save-assistant').at(-1)).not.toHaveProperty('apiKey');

    await typeInto(input(container, 'provider-api-key'), 'sk-new');
    await click(getByTestId(container, 'provider-save'));
    expect(api.callsOf('ui->background:save-assistant').at(-1)).toMatchObject({ apiKey: 'sk-new' });
    expect(input(container, 'provider-api-key').value).toBe('');
  });

  it('is flagged, without blocking the save, for services that always need one', async () => {
    const { container, api } = await setup();
    await choose(getByTestId<HTMLSelectElement>(container, 'provider-kind'), 'openai');
    await typeInto(input(container, 'provider-model'), 'gpt-4o-mini');
    await click(getByTestId(container, 'provider-save'));
    expect(api.callsOf('ui->background:save-assistant')).toHaveLength(1);
    expect(byTestId(container, 'missing-key-warning')).not.toBeNull();
  });
});

describe('test and manage', () => {
  it('tests the saved assistant and shows the result or the error', async () => {
    const api = fakeBackground([SAVED_OPENAI], 'a2');
    const { container } = await setup(api);
    expect(getByTestId<HTMLButtonElement>(container, 'provider-test').disabled).toBe(true);
    await click(getByTestId(container, 'assistant-edit'));
    await click(getByTestId(container, 'provider-test'));
    expect(api.callsOf('ui->background:test-assistant')).toEqual([{ id: 'a2' }]);
    expect(getByTestId(container, 'test-result').dataset.ok).toBe('true');
    expect(getByTestId(container, 'test-result').textContent).toContain('The model answered in 120 ms.');

    api.on('ui->background:test-assistant', () => ({
      ok: false,
      error: { kind: 'auth', message: 'The API key was rejected.', hint: 'Paste a new key.', retryable: false },
    }));
    await click(getByTestId(container, 'provider-test'));
    const result = getByTestId(container, 'test-result');
    expect(result.dataset.ok).toBe('false');
    expect(result.dataset.kind).toBe('auth');
    expect(result.textContent).toContain('The API key was rejected.');
    expect(result.textContent).toContain('Paste a new key.');
  });

  it('marks the active assistant, switches it, and deletes after confirming', async () => {
    const llama: AssistantView = { ...SAVED_OPENAI, id: 'a1', name: 'Llama', kind: 'ollama', baseUrl: 'http://localhost:11434/v1', hasApiKey: false, locality: 'local' };
    const api = fakeBackground([llama, SAVED_OPENAI], 'a1');
    const { container } = await setup(api);
    const items = allByTestId(container, 'assistant-item');
    expect(items.map((i) => i.dataset.active)).toEqual(['true', 'false']);

    await click(getByTestId(items[1]!, 'assistant-activate'));
    expect(api.callsOf('ui->background:set-active-assistant')).toEqual([{ id: 'a2' }]);
    expect(allByTestId(container, 'assistant-item').map((i) => i.dataset.active)).toEqual(['false', 'true']);

    await click(getByTestId(allByTestId(container, 'assistant-item')[0]!, 'assistant-delete'));
    expect(api.callsOf('ui->background:delete-assistant')).toEqual([]);
    await click(getByTestId(container, 'assistant-delete-confirm'));
    expect(api.callsOf('ui->background:delete-assistant')).toEqual([{ id: 'a1' }]);
    expect(allByTestId(container, 'assistant-item').map((i) => i.dataset.assistantId)).toEqual(['a2']);
  });
});

describe('Anthropic, Gemini and Ollama', () => {
  it('fills each preset address; Ollama’s own address replaces the old /v1 one when switching kind', async () => {
    const { container } = await setup();
    const kind = getByTestId<HTMLSelectElement>(container, 'provider-kind');
    await choose(kind, 'anthropic');
    expect(input(container, 'provider-base-url').value).toBe('https://api.anthropic.com/v1');
    expect(input(container, 'provider-name').value).toBe('Anthropic');
    await choose(kind, 'gemini');
    expect(input(container, 'provider-base-url').value).toBe('https://generativelanguage.googleapis.com/v1beta');
    await typeInto(input(container, 'provider-base-url'), 'http://localhost:11434/v1');
    await choose(kind, 'ollama');
    expect(input(container, 'provider-base-url').value).toBe('http://localhost:11434');
  });

  it('offers a context window for Ollama only, validates it, and saves it as a number', async () => {
    const { container, api } = await setup();
    expect(byTestId(container, 'provider-context-window')).toBeNull();
    await fillOllama(container);
    await typeInto(input(container, 'provider-context-window'), 'lots');
    await click(getByTestId(container, 'provider-save'));
    expect(api.callsOf('ui->background:save-assistant')).toEqual([]);
    const errors = Object.fromEntries(allByTestId(container, 'field-error').map((e) => [e.dataset.field, e.textContent]));
    expect(errors['provider-context-window']).toContain('whole number');

    await typeInto(input(container, 'provider-context-window'), '512');
    await click(getByTestId(container, 'provider-save'));
    expect(api.callsOf('ui->background:save-assistant')).toEqual([]);

    await typeInto(input(container, 'provider-context-window'), '16384');
    await click(getByTestId(container, 'provider-save'));
    expect(api.callsOf('ui->background:save-assistant')).toEqual([
      { assistant: { id: 'new-id', name: 'Ollama', kind: 'ollama', baseUrl: 'http://localhost:11434', model: 'llama3.2', contextWindowTokens: 16_384 } },
    ]);
  });
});

describe('Load models', () => {
  it('asks for the origin inside the click, then lists the draft’s models with the typed key, and picks one', async () => {
    const { host, log } = fakeHost(true);
    const api = fakeBackground([], null, log).on('ui->background:list-models', (payload) => {
      log.push(`list ${payload.kind} ${payload.baseUrl}`);
      return { ok: true, models: ['claude-haiku-4-5', 'claude-sonnet-4-5'] };
    });
    const { container } = await setup(api, host);
    await choose(getByTestId<HTMLSelectElement>(container, 'provider-kind'), 'anthropic');
    await typeInto(input(container, 'provider-api-key'), ' sk-ant-typed ');

    getByTestId<HTMLButtonElement>(container, 'provider-load-models').click();
    expect(host.requestOrigin).toHaveBeenCalledWith('https://api.anthropic.com');
    await settle();
    expect(log).toEqual(['permission https://api.anthropic.com', 'list anthropic https://api.anthropic.com/v1']);
    expect(api.callsOf('ui->background:list-models')).toEqual([{ kind: 'anthropic', baseUrl: 'https://api.anthropic.com/v1', apiKey: 'sk-ant-typed' }]);

    const options = [...getByTestId(container, 'provider-model-options').querySelectorAll('option')].map((option) => option.value);
    expect(options).toEqual(['claude-haiku-4-5', 'claude-sonnet-4-5']);
    expect(input(container, 'provider-model').getAttribute('list')).toBe('provider-model-options');
    await choose(getByTestId<HTMLSelectElement>(container, 'provider-model-select'), 'claude-sonnet-4-5');
    expect(input(container, 'provider-model').value).toBe('claude-sonnet-4-5');

    // Another address: the list was for the old one and goes away.
    await typeInto(input(container, 'provider-base-url'), 'https://proxy.example/v1');
    expect(byTestId(container, 'provider-model-select')).toBeNull();
  });

  it('editing a saved assistant without typing a key lets the background use the saved one', async () => {
    const api = fakeBackground([SAVED_OPENAI], 'a2').on('ui->background:list-models', () => ({ ok: true, models: [] }));
    const { container } = await setup(api);
    await click(getByTestId(container, 'assistant-edit'));
    await click(getByTestId(container, 'provider-load-models'));
    expect(api.callsOf('ui->background:list-models')).toEqual([{ kind: 'openai', baseUrl: 'https://api.openai.com/v1', assistantId: 'a2' }]);
    expect(getByTestId(container, 'model-list-status').textContent).toContain('lists no models');
  });

  it('shows the background’s error, e.g. Ollama refusing the extension', async () => {
    const api = fakeBackground().on('ui->background:list-models', () => ({
      ok: false,
      error: { kind: 'auth', message: 'localhost:11434 refused requests from this extension.', hint: `Allow the extension in Ollama: set OLLAMA_ORIGINS=${EXTENSION_ORIGIN}`, retryable: false },
    }));
    const { container } = await setup(api);
    await fillOllama(container);
    await click(getByTestId(container, 'provider-load-models'));
    const error = getByTestId(container, 'model-list-error');
    expect(error.dataset.kind).toBe('auth');
    expect(error.textContent).toContain(`OLLAMA_ORIGINS=${EXTENSION_ORIGIN}`);
  });

  it('an invalid address is shown beside its field and nothing is asked', async () => {
    const { container, api, host } = await setup();
    await typeInto(input(container, 'provider-base-url'), 'localhost:1234');
    await click(getByTestId(container, 'provider-load-models'));
    expect(host.requestOrigin).not.toHaveBeenCalled();
    expect(api.callsOf('ui->background:list-models')).toEqual([]);
    const errors = allByTestId(container, 'field-error').map((e) => e.dataset.field);
    expect(errors).toContain('provider-base-url');
  });
});
