import { describe, expect, it, vi } from 'vitest';
import type { ConsentDecision, SendPreview, ServerStreamMessage } from '../shared/stream-protocol';
import { runTask } from './task-runner';
import { createFakeWorld, localAssistant, remoteAssistant } from './test-support';

async function worldWith(assistant: typeof localAssistant | typeof remoteAssistant) {
  const world = createFakeWorld();
  await world.services.settings.update(() => ({ assistants: [assistant], activeAssistantId: assistant.id }));
  return world;
}

async function run(world: Awaited<ReturnType<typeof worldWith>>, answer?: (preview: SendPreview) => Promise<ConsentDecision>) {
  const messages: ServerStreamMessage[] = [];
  const asked: SendPreview[] = [];
  const askConsent = answer
    ? vi.fn(async (preview: SendPreview) => {
        asked.push(preview);
        // Nothing may have gone out while the question is open.
        expect(world.providerCalls).toEqual([]);
        expect(world.egress).toEqual([]);
        return answer(preview);
      })
    : undefined;
  await runTask(world.services, {
    tabId: 7,
    task: 'reply',
    signal: new AbortController().signal,
    emit: (message) => messages.push(message),
    ...(askConsent ? { askConsent } : {}),
  });
  return { messages, asked };
}

describe('consent before a remote request', () => {
  it('asks with the exact prompt and destination, and calls the provider only once allowed', async () => {
    const world = await worldWith(remoteAssistant);
    world.conversation.messages[0]!.text = 'Dinner\u200b tonight?';
    const { messages, asked } = await run(world, async () => 'once');
    expect(asked).toHaveLength(1);
    expect(asked[0]!.destination).toBe('https://api.example.com');
    expect(asked[0]!.model).toBe('gpt-test');
    const previewText = asked[0]!.messages.map((message) => message.content).join('\n');
    expect(previewText).toContain('Dinner');
    expect(previewText).toContain('[U+200B]');
    expect(previewText).not.toContain('\u200b');
    expect(world.providerCalls).toHaveLength(1);
    expect(messages[0]).toMatchObject({ type: 'start', locality: 'remote' });
    expect(messages.at(-1)).toMatchObject({ type: 'end' });
  });

  it('sends the same messages it previewed', async () => {
    const world = await worldWith(remoteAssistant);
    let sent: unknown;
    world.setStream(async function* () {
      yield { type: 'finish', reason: 'stop' };
    });
    const original = world.services.createProvider;
    world.services.createProvider = (kind, config) => {
      const provider = original(kind, config);
      return { ...provider, doStream: (options) => ((sent = options.messages), provider.doStream(options)) };
    };
    const { asked } = await run(world, async () => 'once');
    expect(sent).toEqual(asked[0]!.messages);
  });

  it('sends nothing when denied, and says so (not retryable)', async () => {
    const world = await worldWith(remoteAssistant);
    const { messages } = await run(world, async () => 'deny');
    expect(world.providerCalls).toEqual([]);
    expect(world.egress).toEqual([]);
    expect(messages).toEqual([{ type: 'error', error: expect.objectContaining({ kind: 'config', message: 'Nothing was sent.', retryable: false }) }]);
  });

  it('sends nothing when it cannot ask, or the question fails', async () => {
    const world = await worldWith(remoteAssistant);
    expect((await run(world)).messages).toEqual([{ type: 'error', error: expect.objectContaining({ message: 'Nothing was sent.' }) }]);
    expect((await run(world, () => Promise.reject(new Error('gone')))).messages[0]).toMatchObject({ type: 'error' });
    expect(world.providerCalls).toEqual([]);
  });

  it('remembers "always" for this chat and destination: the next run asks nothing', async () => {
    const world = await worldWith(remoteAssistant);
    await run(world, async () => 'always');
    expect(await world.services.consents.get('whatsapp:Ana')).toMatchObject({ alwaysAllowed: ['https://api.example.com'] });
    const second = await run(world, async () => 'deny');
    expect(second.asked).toEqual([]);
    expect(world.providerCalls).toHaveLength(2);

    // Another chat, or another destination for this chat, asks again.
    world.conversation.chatKey = 'whatsapp:Rui';
    expect((await run(world, async () => 'deny')).asked).toHaveLength(1);
    world.conversation.chatKey = 'whatsapp:Ana';
    await world.services.settings.update((s) => ({ ...s, assistants: [{ ...remoteAssistant, baseUrl: 'https://other.example/v1' }] }));
    expect((await run(world, async () => 'deny')).asked).toHaveLength(1);
  });

  it('"once" is not remembered', async () => {
    const world = await worldWith(remoteAssistant);
    await run(world, async () => 'once');
    expect((await run(world, async () => 'once')).asked).toHaveLength(1);
  });

  it('asks nothing of a local assistant', async () => {
    const world = await worldWith(localAssistant);
    const { asked, messages } = await run(world, async () => 'deny');
    expect(asked).toEqual([]);
    expect(messages.at(-1)).toMatchObject({ type: 'end' });
  });

  it('refuses a local-only chat with a remote assistant before asking or sending', async () => {
    const world = await worldWith(remoteAssistant);
    await world.services.consents.allowAlways('whatsapp:Ana', 'https://api.example.com');
    await world.services.consents.setLocalOnly('whatsapp:Ana', true);
    const { asked, messages } = await run(world, async () => 'once');
    expect(asked).toEqual([]);
    expect(world.providerCalls).toEqual([]);
    expect(messages).toEqual([{ type: 'error', error: expect.objectContaining({ kind: 'config', message: expect.stringContaining('local only') }) }]);
  });

  it('lets a local assistant read a local-only chat', async () => {
    const world = await worldWith(localAssistant);
    await world.services.consents.setLocalOnly('whatsapp:Ana', true);
    expect((await run(world)).messages.at(-1)).toMatchObject({ type: 'end' });
  });
});
