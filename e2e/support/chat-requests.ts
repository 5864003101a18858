/**
 * What the fake OpenAI-compatible server received, as the specs look at it: the chat-completion POSTs, and
 * the prompt inside one (system text, user text, and the per-request data marker the system names).
 */
import type { RecordedRequest } from '../fake-servers/openai-compatible';
import type { FakeOpenAI } from './extension';

/** The chat-completion POSTs the fake received (preflights and model listings left out). */
export function chatCompletions(fake: FakeOpenAI): RecordedRequest[] {
  return fake.requests.filter((request) => request.method === 'POST' && request.path.startsWith('/v1/chat/completions'));
}

/** The system and user messages of a completion request, and the data-marker token the system names. */
export function promptOf(request: RecordedRequest): { system: string; user: string; token: string } {
  const messages = (request.body as { messages?: { role: string; content: string }[] }).messages ?? [];
  const system = messages.find((message) => message.role === 'system')?.content ?? '';
  const user = messages.filter((message) => message.role === 'user').map((message) => message.content).join('\n');
  const token = /«data-([0-9a-f]{12})»/.exec(system)?.[1] ?? 'missing';
  return { system, user, token };
}
