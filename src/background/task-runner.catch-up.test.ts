/** Catch up remembers where it ended, per chat, and the next catch-up starts there (unless incognito). */
import { describe, expect, it } from 'vitest';
import { NEW_SINCE_CATCH_UP_LINE } from '../assistant/prompt/transcript';
import type { StreamPart } from '../providers/types';
import type { ServerStreamMessage, TaskName, TaskOptions } from '../shared/stream-protocol';
import { runTask } from './task-runner';
import { createFakeWorld, localAssistant, type FakeWorld } from './test-support';

async function configured(privacy: { incognito?: boolean } = {}) {
  const world = createFakeWorld();
  await world.services.settings.update((settings) => ({
    assistants: [localAssistant],
    activeAssistantId: 'a1',
    privacy: { ...settings.privacy, ...privacy },
  }));
  world.setStream(async function* (): AsyncIterable<StreamPart> {
    yield { type: 'text-delta', text: '- Dinner at 8 [m1]' };
    yield { type: 'finish', reason: 'stop' };
  });
  const prompts: string[] = [];
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

function addMessage(world: FakeWorld, id: string, text: string) {
  world.conversation.messages.push({ id, direction: 'in', sender: 'Ana', timestamp: null, text });
}

async function run(world: FakeWorld, task: TaskName = 'summarize', options: TaskOptions = {}) {
  const messages: ServerStreamMessage[] = [];
  await runTask(world.services, { tabId: 7, task, options, signal: new AbortController().signal, emit: (message) => messages.push(message) });
  return messages;
}

const notices = (messages: ServerStreamMessage[]) => messages.flatMap((message) => (message.type === 'notice' ? [message.text] : []));

describe('runTask: catch up since the last catch-up', () => {
  it('records the newest message a catch-up covered with its history entry', async () => {
    const { world, prompts } = await configured();
    addMessage(world, '2', 'Bring the wine');
    const messages = await run(world);
    expect(prompts[0]).not.toContain(NEW_SINCE_CATCH_UP_LINE);
    expect(notices(messages)).toEqual([]);
    expect(await world.services.history.forChat('whatsapp:Ana')).toEqual([expect.objectContaining({ task: 'summarize', lastMessageId: '2' })]);
  });

  it('marks where the previous catch-up ended, summarises what follows, and says so before the answer', async () => {
    const { world, prompts } = await configured();
    await run(world);
    addMessage(world, '2', 'Bring the wine');
    addMessage(world, '3', 'And the cheese');
    const messages = await run(world);
    expect(prompts[1]).toContain(`${NEW_SINCE_CATCH_UP_LINE}\n[m2]`);
    // The system rules quote the line too: the transcript's is the last one.
    const mark = prompts[1]!.lastIndexOf(NEW_SINCE_CATCH_UP_LINE);
    expect(prompts[1]!.indexOf('Dinner tonight?')).toBeLessThan(mark);
    expect(mark).toBeLessThan(prompts[1]!.indexOf('Bring the wine'));
    const noticeAt = messages.findIndex((message) => message.type === 'notice');
    expect(messages[noticeAt]).toEqual({
      type: 'notice',
      text: 'Since your last catch-up (2 new messages).',
      wording: { key: 'error_noticeSinceLastCatchUp', args: ['2'] },
    });
    expect(noticeAt).toBeLessThan(messages.findIndex((message) => message.type === 'start'));
    // The second catch-up moves the mark to its own newest message.
    expect((await world.services.history.latestOfTask('whatsapp:Ana', 'summarize'))?.lastMessageId).toBe('3');
  });

  it('remembers nothing in incognito, so the next catch-up has no mark', async () => {
    const { world, prompts } = await configured({ incognito: true });
    await run(world);
    expect(await world.services.history.forChat('whatsapp:Ana')).toEqual([]);
    addMessage(world, '2', 'Bring the wine');
    const messages = await run(world);
    expect(prompts[1]).not.toContain(NEW_SINCE_CATCH_UP_LINE);
    expect(notices(messages)).toEqual([]);
  });

  it('catches up as before when the remembered message is no longer in what was read', async () => {
    const { world, prompts } = await configured();
    await run(world);
    world.conversation.messages = [
      { id: '8', direction: 'in', sender: 'Ana', timestamp: null, text: 'Much later' },
      { id: '9', direction: 'in', sender: 'Ana', timestamp: null, text: 'Still there?' },
    ];
    const messages = await run(world);
    expect(prompts[1]).not.toContain(NEW_SINCE_CATCH_UP_LINE);
    expect(prompts[1]).not.toContain('previous catch-up');
    expect(notices(messages)).toEqual([]);
  });

  it('lets the unread divider win over the previous catch-up', async () => {
    const { world, prompts } = await configured();
    await run(world);
    addMessage(world, '2', 'Bring the wine');
    addMessage(world, '3', 'And the cheese');
    world.conversation.unreadFromId = '3';
    const messages = await run(world);
    expect(prompts[1]).not.toContain(NEW_SINCE_CATCH_UP_LINE);
    expect(prompts[1]).toContain('not read yet');
    expect(notices(messages)).toEqual([]);
  });

  it('starts from catch up only: another task of the chat neither records nor uses the mark', async () => {
    const { world, prompts } = await configured();
    await run(world, 'ask', { question: 'When?' });
    await run(world);
    addMessage(world, '2', 'Bring the wine');
    await run(world, 'ask', { question: 'What to bring?' });
    expect(prompts[2]).not.toContain(NEW_SINCE_CATCH_UP_LINE);
    const entries = await world.services.history.forChat('whatsapp:Ana');
    expect(entries.filter((entry) => entry.lastMessageId !== undefined).map((entry) => entry.task)).toEqual(['summarize']);
  });

  it('remembers nothing from a catch-up of what is on screen, which may stop short of the chat’s newest message', async () => {
    const { world } = await configured();
    await run(world, 'summarize', { scope: { kind: 'visible' } });
    const [entry] = await world.services.history.forChat('whatsapp:Ana');
    expect(entry).toMatchObject({ task: 'summarize' });
    expect(entry!.lastMessageId).toBeUndefined();
  });
});
