// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { Conversation, Message } from '../../shared/conversation';
import { contextNotice, fitToContext, promptBudget, promptTokens } from './context-fit';
import { TASK_DEFINITIONS } from './registry';
import type { BuiltPrompt, ContextLimit } from './types';

function chatOf(count: number, text = (index: number) => `Message ${index}: are we still on for the hike on Saturday?`): Conversation {
  const messages: Message[] = Array.from({ length: count }, (_, index) => ({
    id: `m${index}`,
    direction: index % 3 === 0 ? 'out' : 'in',
    sender: index % 3 === 0 ? null : 'Ana Souza',
    timestamp: '2026-05-14T09:12:00',
    text: text(index),
  }));
  return { site: 'whatsapp', title: 'Saturday hike', isGroup: true, health: { status: 'ok' }, messages };
}

/** A builder whose cost is easy to reason about: one system message, one user message of the texts. */
function plainBuilder(conversation: Conversation): BuiltPrompt {
  return {
    messages: [
      { role: 'system', content: 'S' },
      { role: 'user', content: conversation.messages.map((message) => message.text).join('\n') },
    ],
    includedMessages: conversation.messages.length,
    omittedMessages: 0,
    sourceTexts: conversation.messages.map((message) => message.text),
  };
}

/** Each character one token; the window is set so the budget is exact. */
const perCharacter = (text: string) => text.length;
const OPENAI: ContextLimit = { kind: 'openai', model: 'gpt-4o-mini' };

describe('fitToContext at the boundary', () => {
  // Budget = window − answer − reserve; the prompt costs its characters plus 4 a message (role markers).
  const answer = 100;
  const limitFor = (promptTokens: number): ContextLimit => ({ ...OPENAI, contextWindowTokens: promptTokens + answer + 256 });
  const fit = fitToContext(plainBuilder, { maxOutputTokens: answer, countTokens: perCharacter });
  const chat = chatOf(10, (index) => `t${index}`); // "t0".."t9": 2 characters each, joined by "\n"

  it('sends everything, unchanged and without a notice, when it fits exactly', () => {
    const exact = 1 + 4 + (10 * 2 + 9) + 4;
    const prompt = fit(chat, { context: limitFor(exact) });
    expect(prompt).toEqual(plainBuilder(chat));
    expect(prompt.contextNotice).toBeUndefined();
  });

  it('one token short: the oldest message goes, and the user is told', () => {
    const exact = 1 + 4 + (10 * 2 + 9) + 4;
    const prompt = fit(chat, { context: limitFor(exact - 1) });
    expect(prompt.sourceTexts).toEqual(['t1', 't2', 't3', 't4', 't5', 't6', 't7', 't8', 't9']);
    expect(prompt.omittedMessages).toBe(1);
    expect(prompt.contextNotice?.text).toBe('Only the last 9 of 10 messages fit this model’s context.');
  });

  it('keeps the most messages that fit, newest first, contiguous', () => {
    // Room for the frame and 4 messages (4 × 2 characters + 3 line breaks).
    const prompt = fit(chat, { context: limitFor(1 + 4 + 11 + 4) });
    expect(prompt.sourceTexts).toEqual(['t6', 't7', 't8', 't9']);
    expect(promptTokens(prompt, limitFor(0), perCharacter)).toBe(20);
  });

  it('keeps the newest message even when nothing fits, and says so', () => {
    const prompt = fit(chat, { context: { ...OPENAI, contextWindowTokens: 10 } });
    expect(prompt.sourceTexts).toEqual(['t9']);
    expect(prompt.contextNotice).toEqual(contextNotice(1, 10));
    expect(prompt.contextNotice?.text).toContain('Only the newest of 10 messages');
  });

  it('a single message too long for the window is sent as is, with no notice: the provider will say it is too long', () => {
    const one = chatOf(1, () => 'x'.repeat(500));
    expect(fit(one, { context: { ...OPENAI, contextWindowTokens: 10 } })).toEqual(plainBuilder(one));
  });

  it('without a context (no assistant known) builds as before', () => {
    expect(fit(chat, {})).toEqual(plainBuilder(chat));
  });
});

describe('every task’s prompt fits its model', () => {
  const longChat = chatOf(400);

  it('a small Ollama window: the reply prompt holds only the newest messages, within the window with the answer’s room', () => {
    const limit: ContextLimit = { kind: 'ollama', model: 'llama3.2', contextWindowTokens: 2_048 };
    const prompt = TASK_DEFINITIONS.reply.buildPrompt(longChat, { context: limit });
    const kept = prompt.includedMessages;
    expect(kept).toBeGreaterThan(5);
    expect(kept).toBeLessThan(100);
    expect(prompt.contextNotice?.text).toBe(`Only the last ${kept} of 400 messages fit this model’s context.`);
    const user = prompt.messages.find((message) => message.role === 'user')!.content;
    expect(user).toContain('Message 399:');
    expect(user).toContain(`Message ${400 - kept}:`);
    expect(user).not.toContain(`Message ${399 - kept}:`);
    expect(promptTokens(prompt, limit)).toBeLessThanOrEqual(promptBudget(limit, TASK_DEFINITIONS.reply.maxOutputTokens));
    // One more message would not have fitted: the fit is the largest.
    const oneMore = TASK_DEFINITIONS.reply.buildPrompt({ ...longChat, messages: longChat.messages.slice(400 - kept - 1) }, {});
    expect(promptTokens(oneMore, limit)).toBeGreaterThan(promptBudget(limit, TASK_DEFINITIONS.reply.maxOutputTokens));
  });

  it('a large hosted window keeps what the task itself keeps, with no notice', () => {
    for (const [name, definition] of Object.entries(TASK_DEFINITIONS)) {
      const options = { context: { kind: 'anthropic', model: 'claude-sonnet-4-5' } as const, question: 'When?', targetLanguage: 'German', draft: 'ok' };
      const fitted = definition.buildPrompt(longChat, options);
      const { context: _context, ...withoutContext } = options;
      const unfitted = definition.buildPrompt(longChat, withoutContext);
      expect(fitted.contextNotice, name).toBeUndefined();
      expect(fitted.includedMessages, name).toBe(unfitted.includedMessages);
    }
  });

  it('the answer’s room differs per task: a summary (700 tokens) keeps fewer messages than a reply (400)', () => {
    const limit: ContextLimit = { kind: 'ollama', model: 'llama3.2', contextWindowTokens: 2_048 };
    const reply = TASK_DEFINITIONS.reply.buildPrompt(longChat, { context: limit });
    const summary = TASK_DEFINITIONS.summarize.buildPrompt(longChat, { context: limit });
    expect(summary.includedMessages).toBeLessThan(reply.includedMessages);
    expect(summary.contextNotice?.text).toContain('of 400 messages');
  });
});
