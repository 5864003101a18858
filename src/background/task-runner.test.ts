import { describe, expect, it } from 'vitest';
import type { ServerStreamMessage, TaskName, TaskOptions } from '../shared/stream-protocol';
import { ProviderError } from '../providers/types';
import { runTask } from './task-runner';
import { createFakeWorld, localAssistant } from './test-support';

async function run(
  world = createFakeWorld(),
  signal = new AbortController().signal,
  task: TaskName = 'reply',
  options: TaskOptions = {},
) {
  const messages: ServerStreamMessage[] = [];
  await runTask(world.services, { tabId: 7, task, options, signal, emit: (message) => messages.push(message) });
  return messages;
}

async function withAssistant(apiKey?: string) {
  const world = createFakeWorld();
  await world.services.settings.update(() => ({ assistants: [localAssistant], activeAssistantId: 'a1' }));
  if (apiKey) await world.services.secrets.set('a1', apiKey);
  return world;
}

describe('runTask', () => {
  it('streams start, deltas and an end carrying three suggestions, and records history', async () => {
    const world = await withAssistant('sk-test');
    const messages = await run(world);
    expect(messages[0]).toEqual({ type: 'start', assistantName: 'Ollama', model: 'llama3.2', locality: 'local', chatUrls: [] });
    expect(messages.at(-1)).toEqual({ type: 'end', finishReason: 'stop', suggestions: ['Yes!', 'Sure', 'Maybe'], chatUrls: [] });
    expect(world.providerCalls[0]).toMatchObject({ baseUrl: localAssistant.baseUrl, apiKey: 'sk-test', model: 'llama3.2' });
    expect((await world.services.history.forChat('whatsapp:Ana'))[0]!.suggestions).toEqual(['Yes!', 'Sure', 'Maybe']);
  });

  it('forwards a provider retry as a notice before the text', async () => {
    const world = await withAssistant();
    world.setStream(async function* () {
      yield { type: 'warning', warning: { type: 'retrying', message: 'Rate limited; retrying in 3 s' } };
      yield { type: 'text-delta', text: 'Hi' };
      yield { type: 'finish', reason: 'stop' };
    });
    const messages = await run(world);
    expect(messages.map((message) => message.type)).toEqual(['start', 'notice', 'delta', 'end']);
    expect(messages[1]).toEqual({ type: 'notice', text: 'Rate limited; retrying in 3 s' });
  });

  it('says to set up an assistant when none is configured', async () => {
    const messages = await run();
    expect(messages).toEqual([{ type: 'error', error: expect.objectContaining({ kind: 'config', message: 'No assistant is set up yet.' }) }]);
  });

  it('refuses a tab that is not a messenger without reading it', async () => {
    const world = await withAssistant();
    world.tabUrl = 'https://bank.example/';
    const messages = await run(world);
    expect(messages).toEqual([{ type: 'error', error: expect.objectContaining({ kind: 'adapter' }) }]);
    expect(world.contentCalls).toEqual([]);
  });

  it('does not send an unreadable chat to the model', async () => {
    const world = await withAssistant();
    world.conversation.health = { status: 'unreadable', notes: ['No chat is open.'] };
    const messages = await run(world);
    expect(messages[0]).toMatchObject({ type: 'error', error: { kind: 'adapter', message: expect.stringContaining('No chat is open.') } });
    expect(world.providerCalls).toEqual([]);
  });

  it('keeps partial output and reports a mid-stream failure by kind', async () => {
    const world = await withAssistant();
    world.setStream(async function* () {
      yield { type: 'text-delta', text: 'Sounds' };
      throw new ProviderError('server', 'The provider failed mid-answer.');
    });
    const messages = await run(world);
    expect(messages.map((message) => message.type)).toEqual(['start', 'delta', 'error']);
    expect(messages[2]).toMatchObject({ error: { kind: 'server', retryable: true } });
  });

  it('emits nothing more once cancelled', async () => {
    const world = await withAssistant();
    const controller = new AbortController();
    world.setStream(async function* () {
      yield { type: 'text-delta', text: 'one' };
      controller.abort();
      yield { type: 'text-delta', text: 'two' };
    });
    const messages = await run(world, controller.signal);
    expect(messages.map((message) => message.type)).toEqual(['start', 'delta']);
  });
});
