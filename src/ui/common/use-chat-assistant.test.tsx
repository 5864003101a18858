import { afterEach, describe, expect, it } from 'vitest';
import { act } from 'preact/test-utils';
import { FakeApi } from '../testing/fake-api';
import { cleanup, mount, settle } from '../testing/dom';
import type { AssistantView } from '../../shared/settings';
import { useChatAssistant } from './use-chat-assistant';

const LOCAL: AssistantView = { id: 'a1', name: 'Local Llama', kind: 'ollama', baseUrl: 'http://localhost:11434', model: 'llama3.2', hasApiKey: false, locality: 'local' };
const REMOTE: AssistantView = { id: 'a2', name: 'OpenAI', kind: 'openai', baseUrl: 'https://api.openai.com/v1', model: 'gpt-4o-mini', hasApiKey: true, locality: 'remote' };

function Probe({ api, chatKey }: { api: FakeApi; chatKey: string }) {
  const assistant = useChatAssistant(api, 7, chatKey, [LOCAL, REMOTE], REMOTE);
  return <p data-testid="probe">{assistant?.name}</p>;
}

afterEach(cleanup);

describe('useChatAssistant', () => {
  it('names the chat’s own assistant, the default otherwise, and asks again when the page regains focus', async () => {
    let choice: string | null = 'a1';
    const api = new FakeApi().on('ui->background:get-chat-assistant', () => ({ chatKey: 'whatsapp:Ana', chatTitle: 'Ana', assistantId: choice }));
    const { container } = await mount(<Probe api={api} chatKey="whatsapp:Ana" />);
    await settle();
    expect(container.textContent).toBe('Local Llama');

    choice = null;
    await act(() => {
      window.dispatchEvent(new Event('focus'));
    });
    await settle();
    expect(container.textContent).toBe('OpenAI');
  });

  it('ignores an answer about another chat (the tab moved on)', async () => {
    const api = new FakeApi().on('ui->background:get-chat-assistant', () => ({ chatKey: 'whatsapp:Bo', chatTitle: 'Bo', assistantId: 'a1' }));
    const { container } = await mount(<Probe api={api} chatKey="whatsapp:Ana" />);
    await settle();
    expect(container.textContent).toBe('OpenAI');
  });
});
