import { describe, expect, it } from 'vitest';
import { createProvider } from '../../providers/registry';
import { assistantHandlers } from './assistants';
import { createFakeWorld } from '../test-support';

/** A world whose providers are the real ones, behind the real egress guard, over a recording fetch. */
function worldWithRealProviders(answer: (url: string) => Response) {
  const world = createFakeWorld();
  const sent: Array<{ url: string; headers: Record<string, string> }> = [];
  world.services.createProvider = createProvider;
  world.services.fetchImplementation = async (input, init) => {
    const url = String(input);
    sent.push({ url, headers: { ...(init?.headers as Record<string, string> | undefined) } });
    return answer(url);
  };
  return { world, sent, handlers: assistantHandlers(world.services) };
}

const anthropicModels = () => Response.json({ data: [{ type: 'model', id: 'claude-b' }, { type: 'model', id: 'claude-a' }], has_more: false });

describe('ui->background:list-models', () => {
  it('lists a draft’s models with the typed key, through the egress guard for the draft’s origin', async () => {
    const { world, sent, handlers } = worldWithRealProviders(anthropicModels);
    const result = await handlers['ui->background:list-models']({ kind: 'anthropic', baseUrl: 'https://api.anthropic.test/v1', apiKey: ' sk-ant-typed ' });
    expect(result).toEqual({ ok: true, models: ['claude-b', 'claude-a'] });
    expect(sent).toEqual([{ url: 'https://api.anthropic.test/v1/models?limit=1000', headers: expect.objectContaining({ 'x-api-key': 'sk-ant-typed' }) }]);
    expect(world.egress.map((entry) => [entry.origin, entry.action, entry.chatKey])).toEqual([['https://api.anthropic.test', 'list-models', null]]);
  });

  it('uses the saved key of the assistant being edited when its origin is the same', async () => {
    const { world, sent, handlers } = worldWithRealProviders(anthropicModels);
    await handlers['ui->background:save-assistant']({
      assistant: { id: 'a9', name: 'Claude', kind: 'anthropic', baseUrl: 'https://api.anthropic.test/v1', model: 'claude-a' },
      apiKey: 'sk-ant-saved',
    });
    await handlers['ui->background:list-models']({ kind: 'anthropic', baseUrl: 'https://api.anthropic.test/v1/', assistantId: 'a9' });
    expect(sent[0]?.headers['x-api-key']).toBe('sk-ant-saved');
    expect(world.egress).toHaveLength(1);
  });

  it('never sends a saved key to another origin the draft now points at', async () => {
    const { sent, handlers } = worldWithRealProviders(anthropicModels);
    await handlers['ui->background:save-assistant']({
      assistant: { id: 'a9', name: 'Claude', kind: 'anthropic', baseUrl: 'https://api.anthropic.test/v1', model: 'claude-a' },
      apiKey: 'sk-ant-saved',
    });
    await handlers['ui->background:list-models']({ kind: 'anthropic', baseUrl: 'https://evil.example/v1', assistantId: 'a9' });
    expect(sent[0]?.url).toBe('https://evil.example/v1/models?limit=1000');
    expect(sent[0]?.headers).not.toHaveProperty('x-api-key');
  });

  it('answers errors as data: the provider’s kind and hint, or a config error for kinds not built', async () => {
    const { handlers } = worldWithRealProviders(() => new Response(null, { status: 403 }));
    const refused = await handlers['ui->background:list-models']({ kind: 'ollama', baseUrl: 'http://127.0.0.1:11434' });
    expect(refused).toMatchObject({ ok: false, error: { kind: 'auth', hint: expect.stringContaining('OLLAMA_ORIGINS=chrome-extension://aside-test-id') } });
    expect(await handlers['ui->background:list-models']({ kind: 'webllm', baseUrl: 'http://127.0.0.1:1' })).toMatchObject({ ok: false, error: { kind: 'config' } });
  });

  it('saves Anthropic and Gemini assistants now that they are built', async () => {
    const { handlers } = worldWithRealProviders(anthropicModels);
    for (const kind of ['anthropic', 'gemini'] as const) {
      const saved = await handlers['ui->background:save-assistant']({ assistant: { id: kind, name: kind, kind, baseUrl: 'https://api.example.test/v1', model: 'm' } });
      expect(saved.assistant.kind).toBe(kind);
    }
    // In-browser models are built too (background/local-engine.ts): saved like any other kind.
    const webllm = await handlers['ui->background:save-assistant']({ assistant: { id: 'w', name: 'w', kind: 'webllm', baseUrl: 'https://huggingface.co', model: 'm' } });
    expect(webllm.assistant).toMatchObject({ kind: 'webllm', locality: 'local' });
  });

  it('test connection also probes Ollama with a POST, which its origin check refuses like a chat', async () => {
    const { handlers, sent } = worldWithRealProviders((url) =>
      url.endsWith('/api/tags') ? Response.json({ models: [{ name: 'llama3.2' }] }) : new Response(null, { status: 403 }),
    );
    await handlers['ui->background:save-assistant']({ assistant: { id: 'o', name: 'Ollama', kind: 'ollama', baseUrl: 'http://127.0.0.1:11434', model: 'llama3.2' } });
    const result = await handlers['ui->background:test-assistant']({ id: 'o' });
    expect(result).toMatchObject({ ok: false, error: { kind: 'auth' } });
    expect(sent.map((request) => request.url)).toEqual(['http://127.0.0.1:11434/api/tags', 'http://127.0.0.1:11434/api/show']);
  });
});
