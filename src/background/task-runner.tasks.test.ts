/** The task runner with the tasks beyond reply: options, the user's draft, links, history of answers. */
import { describe, expect, it } from 'vitest';
import type { ServerStreamMessage, TaskName, TaskOptions } from '../shared/stream-protocol';
import type { StreamPart } from '../providers/types';
import { runTask } from './task-runner';
import { createFakeWorld, localAssistant, type FakeWorld } from './test-support';

async function configured(answer = 'Summary: **all good**') {
  const world = createFakeWorld();
  await world.services.settings.update(() => ({ assistants: [localAssistant], activeAssistantId: 'a1' }));
  const prompts: string[] = [];
  world.setStream(async function* (): AsyncIterable<StreamPart> {
    yield { type: 'text-delta', text: answer };
    yield { type: 'finish', reason: 'stop' };
  });
  // Records the prompt the provider got.
  const createProvider = world.services.createProvider;
  world.services.createProvider = (kind, config) => {
    const provider = createProvider(kind, config);
    return {
      ...provider,
      doStream(options) {
        prompts.push(options.messages.map((message) => message.content).join('\n'));
        return provider.doStream(options);
      },
    };
  };
  return { world, prompts };
}

/** The content script answers read-draft with `draft`, or not at all when it is undefined. */
function withDraft(world: FakeWorld, draft: string | undefined) {
  const send = world.services.tabs.sendToContent;
  world.services.tabs.sendToContent = (async (tabId: number, type: string, payload: never) => {
    if (type === 'background->content:read-draft') {
      world.contentCalls.push({ tabId, type, payload });
      if (draft === undefined) throw new Error('Could not establish connection. Receiving end does not exist.');
      return { text: draft };
    }
    return send(tabId, type as never, payload);
  }) as typeof send;
}

async function run(world: FakeWorld, task: TaskName, options: TaskOptions = {}) {
  const messages: ServerStreamMessage[] = [];
  await runTask(world.services, { tabId: 7, task, options, signal: new AbortController().signal, emit: (message) => messages.push(message) });
  return messages;
}

describe('runTask: tasks that answer in text', () => {
  it('summarize streams text, ends without suggestions, and records the output in history', async () => {
    const { world } = await configured('Summary: **all good**');
    const messages = await run(world, 'summarize', { targetLanguage: 'English' });
    expect(messages.at(-1)).toEqual({ type: 'end', finishReason: 'stop', suggestions: undefined, chatUrls: [] });
    const [entry] = await world.services.history.forChat('whatsapp:Ana');
    expect(entry).toMatchObject({ task: 'summarize', suggestions: [], output: 'Summary: **all good**' });
  });

  it('ask puts the question in the prompt, marked as the user’s words', async () => {
    const { world, prompts } = await configured('At 8.');
    await run(world, 'ask', { question: 'When do we meet?' });
    expect(prompts[0]).toMatch(/My question \(my own words\): «data-[0-9a-f]{12}»When do we meet\?«\/data-[0-9a-f]{12}»/);
  });

  it('ask without a question is refused before the chat is read', async () => {
    const { world } = await configured();
    const messages = await run(world, 'ask', {});
    expect(messages).toEqual([{ type: 'error', error: expect.objectContaining({ kind: 'config', message: 'Type a question about the chat first.' }) }]);
    expect(world.contentCalls).toEqual([]);
  });

  it('translate sends the target language, and only messages from others', async () => {
    const { world, prompts } = await configured('**Ana**: Abendessen heute?');
    world.conversation.messages.push({ id: '2', direction: 'out', sender: null, timestamp: null, text: 'my door code is CANARY-5e1f0c77' });
    await run(world, 'translate', { targetLanguage: 'German' });
    expect(prompts[0]).toMatch(/Language I read \(my own words\): «data-[0-9a-f]{12}»German«/);
    expect(prompts[0]).toContain('Dinner tonight?');
    expect(prompts[0]).not.toContain('CANARY');
  });

  it('translate says so when nobody else wrote anything', async () => {
    const { world } = await configured();
    world.conversation.messages = [{ id: '2', direction: 'out', sender: null, timestamp: null, text: 'hello?' }];
    const messages = await run(world, 'translate', { targetLanguage: 'German' });
    expect(messages).toEqual([{ type: 'error', error: expect.objectContaining({ kind: 'adapter', message: expect.stringContaining('no messages from others') }) }]);
  });
});

describe('runTask: the chat’s links', () => {
  it('reports the links of the messages the model saw, in start and in end', async () => {
    const { world } = await configured('Booked! https://tickets.example.org/event/42');
    world.conversation.messages.push({ id: '2', direction: 'in', sender: 'Ana', timestamp: null, text: 'Tickets: https://tickets.example.org/event/42.' });
    const messages = await run(world, 'reply');
    expect(messages[0]).toMatchObject({ type: 'start', chatUrls: ['https://tickets.example.org/event/42'] });
    expect(messages.at(-1)).toMatchObject({ type: 'end', chatUrls: ['https://tickets.example.org/event/42'] });
  });
});

describe('runTask: rewrite', () => {
  it('reads the draft, sends it marked as the user’s own words, and offers one draft', async () => {
    const { world, prompts } = await configured('"Sure — see you at 8, I’ll bring snacks: https://snacks.example/list"');
    withDraft(world, 'ok 8 snacks https://snacks.example/list');
    const messages = await run(world, 'rewrite', { tone: 'friendly' });
    expect(prompts[0]).toMatch(/My draft \(my own words\): «data-[0-9a-f]{12}»ok 8 snacks https:\/\/snacks.example\/list«/);
    expect(prompts[0]).toMatch(/Tone I want \(my own words\): «data-[0-9a-f]{12}»friendly«/);
    expect(messages.at(-1)).toEqual({
      type: 'end',
      finishReason: 'stop',
      suggestions: ['Sure — see you at 8, I’ll bring snacks: https://snacks.example/list'],
      chatUrls: ['https://snacks.example/list'],
    });
  });

  it('says clearly when the page cannot give the draft', async () => {
    const { world } = await configured();
    withDraft(world, undefined);
    const messages = await run(world, 'rewrite');
    expect(messages).toEqual([
      { type: 'error', error: expect.objectContaining({ kind: 'adapter', message: 'Aside could not read your draft from the message box.' }) },
    ]);
  });

  it('treats an answer without text as no answer', async () => {
    const { world } = await configured();
    // The fake content script answers unknown requests with an insert result, as an older script might.
    const messages = await run(world, 'rewrite');
    expect(messages[0]).toMatchObject({ type: 'error', error: { kind: 'adapter' } });
  });

  it('asks for a draft when the message box is empty', async () => {
    const { world } = await configured();
    withDraft(world, '   ');
    const messages = await run(world, 'rewrite');
    expect(messages).toEqual([{ type: 'error', error: expect.objectContaining({ kind: 'config', message: expect.stringContaining('empty') }) }]);
  });
});
