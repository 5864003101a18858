import { describe, expect, it } from 'vitest';
import type { PromptMessage, StreamPart } from '../providers/types';
import type { ConsentDecision, SendPreview, ServerStreamMessage, TaskName, TaskOptions } from '../shared/stream-protocol';
import type { PrivacySettings } from '../shared/settings';
import { runTask } from './task-runner';
import { deliverHistoryProgress } from './read-conversation';
import { createFakeWorld, localAssistant, remoteAssistant, type FakeWorld } from './test-support';

interface Setup {
  assistant?: typeof localAssistant | typeof remoteAssistant;
  privacy?: Partial<PrivacySettings>;
}

/** A world whose provider posts to its own origin (so the egress guard records it) and keeps what it was sent. */
async function worldWith({ assistant = remoteAssistant, privacy = {} }: Setup = {}) {
  const world = createFakeWorld();
  await world.services.settings.update((settings) => ({
    assistants: [assistant],
    activeAssistantId: assistant.id,
    privacy: { ...settings.privacy, ...privacy },
  }));
  const sent: PromptMessage[][] = [];
  const original = world.services.createProvider;
  world.services.createProvider = (kind, config) => {
    const provider = original(kind, config);
    return {
      ...provider,
      async *doStream(options) {
        sent.push(options.messages);
        await config.fetch(`${config.baseUrl}/chat/completions`, { method: 'POST', body: JSON.stringify(options.messages) });
        yield* provider.doStream(options);
      },
    };
  };
  return { world, sent };
}

async function run(world: FakeWorld, options: TaskOptions = {}, task: TaskName = 'reply', decision: ConsentDecision = 'once') {
  const messages: ServerStreamMessage[] = [];
  const previews: SendPreview[] = [];
  await runTask(world.services, {
    tabId: 7,
    task,
    options,
    signal: new AbortController().signal,
    emit: (message) => messages.push(message),
    askConsent: async (preview) => (previews.push(preview), decision),
  });
  return { messages, previews };
}

function streamOf(...deltas: string[]) {
  return async function* (): AsyncIterable<StreamPart> {
    for (const text of deltas) yield { type: 'text-delta', text };
    yield { type: 'finish', reason: 'stop' };
  };
}

const deltasOf = (messages: ServerStreamMessage[]) =>
  messages.flatMap((message) => (message.type === 'delta' ? [message.text] : []));

const PERSONAL = {
  site: 'whatsapp',
  title: 'Ana Souza',
  isGroup: false,
  chatKey: 'whatsapp:Ana Souza',
  health: { status: 'ok' as const },
  messages: [
    { id: '1', direction: 'in' as const, sender: 'Ana Souza', timestamp: null, text: 'Call me on +49 151 23456789 or mail ana@example.com' },
    { id: '2', direction: 'in' as const, sender: 'Ana Souza', timestamp: null, text: 'Pay to DE89 3704 0044 0532 0130 00, card 4111 1111 1111 1111' },
  ],
};

describe('pseudonymisation before a remote request', () => {
  it('previews and sends placeholders only, still datamarked, and restores the answer split across deltas', async () => {
    const { world, sent } = await worldWith();
    world.conversation = structuredClone(PERSONAL);
    world.setStream(streamOf('Sure [PER', 'SON_1], I will call [PHO', 'NE_1]\n---\nThanks [PERSON_1]!\n---\nOk [EMAIL_1', ']'));
    const { messages, previews } = await run(world);

    const previewText = previews[0]!.messages.map((message) => message.content).join('\n');
    for (const secret of ['Ana', 'Souza', '+49 151 23456789', 'ana@example.com', 'DE89 3704', '4111 1111']) {
      expect(previewText).not.toContain(secret);
    }
    expect(previewText).toContain('[PERSON_1]');
    expect(previewText).toMatch(/«data-[0-9a-f]+»Call me on \[PHONE_1\] or mail \[EMAIL_1\]«\/data-[0-9a-f]+»/);
    expect(previewText).toContain('Pay to [IBAN_1], card [CARD_1]');
    expect(previewText).toContain('placeholders such as [PERSON_1]');
    // What was previewed is exactly what went out.
    expect(sent[0]).toEqual(previews[0]!.messages);

    expect(deltasOf(messages).join('')).toBe('Sure Ana Souza, I will call +49 151 23456789\n---\nThanks Ana Souza!\n---\nOk ana@example.com');
    expect(deltasOf(messages).join('')).not.toContain('[');
    expect(messages.at(-1)).toMatchObject({ type: 'end', suggestions: ['Sure Ana Souza, I will call +49 151 23456789', 'Thanks Ana Souza!', 'Ok ana@example.com'] });
    expect((await world.services.history.forChat('whatsapp:Ana Souza'))[0]!.suggestions[0]).toBe('Sure Ana Souza, I will call +49 151 23456789');
  });

  it('pseudonymises the user’s question too, and keeps the chat’s real links for the draft check', async () => {
    const { world, sent } = await worldWith();
    world.conversation = structuredClone(PERSONAL);
    world.conversation.messages[0]!.text = 'Details at https://example.org/trip for ana@example.com';
    world.setStream(streamOf('It is on [EMAIL_1].'));
    const { messages } = await run(world, { question: 'What did Ana Souza send to ana@example.com?' }, 'ask');
    const body = JSON.stringify(sent[0]);
    expect(body).not.toContain('ana@example.com');
    expect(body).not.toContain('Ana Souza');
    expect(messages.find((message) => message.type === 'start')).toMatchObject({ chatUrls: ['https://example.org/trip'] });
    expect(deltasOf(messages).join('')).toBe('It is on ana@example.com.');
  });

  it('pseudonymises a tone typed in the user’s own words', async () => {
    const { world, sent } = await worldWith();
    world.conversation = structuredClone(PERSONAL);
    await run(world, { tone: 'warm, Ana Souza is my aunt' });
    expect(JSON.stringify(sent[0])).toContain('warm, [PERSON_1] is my aunt');
  });

  it('is off when the user turned it off', async () => {
    const { world, sent } = await worldWith({ privacy: { pseudonymise: false } });
    world.conversation = structuredClone(PERSONAL);
    await run(world);
    expect(JSON.stringify(sent[0])).toContain('ana@example.com');
    expect(JSON.stringify(sent[0])).not.toContain('[PERSON_1]');
  });

  it('leaves a local assistant’s prompt as it is: nothing leaves the machine', async () => {
    const { world, sent } = await worldWith({ assistant: localAssistant });
    world.conversation = structuredClone(PERSONAL);
    world.setStream(streamOf('Hi [PERSON_1]'));
    const { messages } = await run(world);
    expect(JSON.stringify(sent[0])).toContain('Ana Souza');
    expect(deltasOf(messages).join('')).toBe('Hi [PERSON_1]');
  });
});

describe('minimisation', () => {
  function longChat(count: number) {
    return Array.from({ length: count }, (_, index) => ({ id: `m${index + 1}`, direction: 'in' as const, sender: 'Rui', timestamp: null, text: `note number ${index + 1}.` }));
  }

  it('reads with the setting’s scope and prompts only those messages, even when the reader returns more', async () => {
    const { world, sent } = await worldWith({ assistant: localAssistant, privacy: { readScope: { kind: 'last', count: 3 } } });
    world.conversation.messages = longChat(10);
    await run(world);
    expect(world.contentCalls.find((call) => call.type === 'background->content:read-conversation')?.payload).toEqual({ scope: { kind: 'last', count: 3 } });
    const body = JSON.stringify(sent[0]);
    expect(body).toContain('note number 8.');
    expect(body).toContain('note number 10.');
    expect(body).not.toContain('note number 7.');
  });

  it('a run’s own scope wins, and since-unread starts at the divider', async () => {
    const { world, sent } = await worldWith({ assistant: localAssistant });
    world.conversation.messages = longChat(6);
    world.conversation.unreadFromId = 'm5';
    await run(world, { scope: { kind: 'since-unread' } });
    expect(world.contentCalls.at(-1)?.payload).toEqual({ scope: { kind: 'since-unread' } });
    expect(JSON.stringify(sent[0])).not.toContain('note number 4.');
    expect(JSON.stringify(sent[0])).toContain('note number 5.');
  });

  it('shows older messages loading while the page scrolls for the scope, before the run starts', async () => {
    const { world } = await worldWith({ assistant: localAssistant });
    world.conversation.messages = longChat(12);
    const read = world.services.tabs.sendToContent;
    world.services.tabs.sendToContent = async (tabId, type, payload) => {
      // The content script reports progress while it scrolls, before it answers the read.
      if (type === 'background->content:read-conversation') {
        deliverHistoryProgress(tabId, { loaded: 20, target: 50 });
        deliverHistoryProgress(tabId, { loaded: 35, target: 50 });
      }
      return read(tabId, type, payload);
    };
    const { messages } = await run(world, { scope: { kind: 'last', count: 50 } });
    const types = messages.map((message) => message.type);
    expect(messages.filter((message) => message.type === 'progress')).toEqual([
      { type: 'progress', loaded: 20, target: 50 },
      { type: 'progress', loaded: 35, target: 50 },
    ]);
    expect(types.lastIndexOf('progress')).toBeLessThan(types.indexOf('start'));
    // Nobody listens once the read answered: a late report from the page goes nowhere.
    expect(deliverHistoryProgress(7, { loaded: 50, target: 50 })).toBe(false);
  });

  it('says when the scope could not be covered', async () => {
    const { world } = await worldWith({ assistant: localAssistant });
    world.conversation.messages = longChat(12);
    world.conversation.coverage = { scope: 'last', complete: false, reachedChatStart: false, note: 'The history limit was reached.' };
    const { messages } = await run(world);
    expect(messages[0]).toEqual({ type: 'notice', text: 'Aside read 12 messages, not the last 50 you asked for. The history limit was reached.' });
    expect(messages.at(-1)).toMatchObject({ type: 'end' });
  });

  it('refuses the selection scope when the page did not say it read the selection', async () => {
    const { world, sent } = await worldWith({ assistant: localAssistant });
    world.conversation.messages = longChat(4);
    const { messages } = await run(world, { scope: { kind: 'selection' } });
    expect(messages).toEqual([{ type: 'error', error: expect.objectContaining({ kind: 'adapter', message: expect.stringContaining('which messages you selected') }) }]);
    expect(sent).toEqual([]);
    world.conversation.coverage = { scope: 'selection', complete: true, reachedChatStart: false };
    world.conversation.messages = longChat(2);
    expect((await run(world, { scope: { kind: 'selection' } })).messages.at(-1)).toMatchObject({ type: 'end' });
    expect(JSON.stringify(sent[0])).toContain('note number 2.');
  });

  it('asks for a selection when the selection scope finds none', async () => {
    const { world, sent } = await worldWith({ assistant: localAssistant, privacy: { readScope: { kind: 'selection' } } });
    world.conversation.messages = [];
    const { messages } = await run(world);
    expect(messages).toEqual([{ type: 'error', error: expect.objectContaining({ kind: 'adapter', message: 'No messages are selected in the chat.' }) }]);
    expect(sent).toEqual([]);
  });
});

describe('incognito', () => {
  it('writes no history and logs the request without its chat', async () => {
    const { world } = await worldWith({ privacy: { incognito: true } });
    const { messages } = await run(world);
    expect(messages.at(-1)).toMatchObject({ type: 'end', suggestions: ['Yes!', 'Sure', 'Maybe'] });
    expect(await world.services.history.forChat('whatsapp:Ana')).toEqual([]);
    expect(world.egress).toEqual([expect.objectContaining({ origin: 'https://api.example.com', chatKey: null, action: 'reply' })]);
  });

  it('keeps the chat in the log and history when off', async () => {
    const { world } = await worldWith();
    await run(world);
    expect(await world.services.history.forChat('whatsapp:Ana')).toHaveLength(1);
    expect(world.egress).toEqual([expect.objectContaining({ chatKey: 'whatsapp:Ana' })]);
  });

  it('still honours an explicit "always allow" for the chat', async () => {
    const { world } = await worldWith({ privacy: { incognito: true } });
    await run(world, {}, 'reply', 'always');
    expect(await world.services.consents.get('whatsapp:Ana')).toMatchObject({ alwaysAllowed: ['https://api.example.com'] });
  });
});
