import { describe, expect, it } from 'vitest';
import { openDatabase } from './database';
import { createHistoryStore } from './history-store';

const entry = (chatKey: string, task: string, createdAt: number, lastMessageId?: string) => ({
  chatKey,
  task,
  createdAt,
  suggestions: [],
  output: 'text',
  assistantName: 'A',
  model: 'm',
  ...(lastMessageId ? { lastMessageId } : {}),
});

describe('history: the latest entry of a task', () => {
  it('finds the chat’s newest catch-up, skipping newer entries of other tasks and other chats', async () => {
    const history = createHistoryStore(openDatabase(`test-${Math.random()}`));
    await history.add(entry('whatsapp:Ana', 'summarize', 1, 'old'));
    await history.add(entry('whatsapp:Ana', 'summarize', 2, 'newer'));
    await history.add(entry('whatsapp:Ana', 'ask', 3));
    await history.add(entry('whatsapp:Rui', 'summarize', 4, 'other chat'));
    expect(await history.latestOfTask('whatsapp:Ana', 'summarize')).toMatchObject({ lastMessageId: 'newer' });
    expect(await history.latestOfTask('whatsapp:Ben', 'summarize')).toBeUndefined();
  });
});
