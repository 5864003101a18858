import { afterEach, describe, expect, it } from 'vitest';
import { act } from 'preact/test-utils';
import { allByTestId, byTestId, choose, cleanup, click, getByTestId, press, typeInto } from '../testing/dom';
import { mountSidebar } from './sidebar-test-support';

afterEach(cleanup);

const START = { assistantName: 'Local Llama', model: 'llama3.2', locality: 'local' as const };

describe('reply tone', () => {
  it('sends no tone by default, a preset when picked, and the user’s own words', async () => {
    const { container, api } = await mountSidebar();
    await click(getByTestId(container, 'action-reply'));
    await act(() => api.lastTask.end(['Hi']));
    expect(api.options.at(-1)).toEqual({});

    await choose(getByTestId<HTMLSelectElement>(container, 'tone-select'), 'formal');
    await click(getByTestId(container, 'action-reply'));
    expect(api.options.at(-1)).toEqual({ tone: 'formal' });
    await act(() => api.lastTask.end(['Good evening.']));

    await choose(getByTestId<HTMLSelectElement>(container, 'tone-select'), 'own');
    const own = getByTestId<HTMLInputElement>(container, 'tone-own');
    expect(own.maxLength).toBe(60);
    await typeInto(own, '  like an old friend  ');
    await click(getByTestId(container, 'action-reply'));
    expect(api.options.at(-1)).toEqual({ tone: 'like an old friend' });
    expect(api.lastTask.task).toBe('reply');
  });
});

describe('catch up, translate, ask: output through SafeMarkdown', () => {
  it('streams a summary into output, re-rendering once per frame', async () => {
    const { container, api, frames } = await mountSidebar();
    await click(getByTestId(container, 'action-summarize'));
    expect(api.lastTask.task).toBe('summarize');
    expect(api.options.at(-1)).toEqual({ targetLanguage: 'American English' });
    await act(() => {
      api.lastTask.start(START);
      api.lastTask.delta('**Decisions**\n\n');
      api.lastTask.delta('- Hike on Saturday');
    });
    expect(byTestId(container, 'output')).toBeNull();
    expect(frames.pending).toBe(1);
    await frames.flush();
    const output = getByTestId(container, 'output');
    expect(output.querySelector('strong')?.textContent).toBe('Decisions');
    expect(output.querySelector('li')?.textContent).toBe('Hike on Saturday');
    expect(getByTestId(container, 'task-status').textContent).toContain('Catching up with Local Llama');
    await act(() => api.lastTask.end());
    expect(getByTestId(container, 'task-status').textContent).toBe('Done');
    expect(allByTestId(container, 'suggestion')).toHaveLength(0);
  });

  it('renders a hijacked summary without images, links or handlers', async () => {
    const { container, api } = await mountSidebar();
    await click(getByTestId(container, 'action-summarize'));
    await act(() => {
      api.lastTask.delta('![x](http://127.0.0.2:8099/p.png) <img src=x onerror="alert(1)"> [a](javascript:alert(1)) [b](https://127.0.0.2:8099/v)');
      api.lastTask.end();
    });
    const output = getByTestId(container, 'output');
    expect(output.querySelector('img, a, [href], [src], [onerror], script, iframe, svg')).toBeNull();
    expect(output.textContent).toContain('[image: x — http://127.0.0.2:8099/p.png]');
    expect(output.textContent).toContain('(javascript:alert(1))');
    expect(output.querySelector('[data-testid="link-target"]')?.textContent).toBe('https://127.0.0.2:8099/v');
  });

  it('translates into the browser’s language, by name', async () => {
    const { container, api } = await mountSidebar({ locale: 'de-DE' });
    expect(getByTestId(container, 'action-translate').textContent).toBe('Translate to German (Germany)');
    await click(getByTestId(container, 'action-translate'));
    expect(api.lastTask.task).toBe('translate');
    expect(api.options.at(-1)).toEqual({ targetLanguage: 'German (Germany)' });
    await act(() => {
      api.lastTask.delta('**Ana**: Abendessen heute?');
      api.lastTask.end();
    });
    expect(getByTestId(container, 'output').textContent).toBe('Ana: Abendessen heute?');
    expect(container.textContent).toContain('Translation into German (Germany)');
  });

  it('asks a question typed in ask-input, by button or Enter, never when empty', async () => {
    const { container, api } = await mountSidebar();
    const ask = getByTestId<HTMLButtonElement>(container, 'action-ask');
    expect(ask.disabled).toBe(true);
    const input = getByTestId<HTMLInputElement>(container, 'ask-input');
    await typeInto(input, '  When do we meet?  ');
    expect(ask.disabled).toBe(false);
    await click(ask);
    expect(api.lastTask.task).toBe('ask');
    expect(api.options.at(-1)).toEqual({ question: 'When do we meet?', targetLanguage: 'American English' });
    await act(() => {
      api.lastTask.delta('At **8**, at the trailhead.');
      api.lastTask.end();
    });
    expect(getByTestId(container, 'output').textContent).toBe('At 8, at the trailhead.');
    expect(container.textContent).toContain('“When do we meet?”');

    await press(input, 'Enter');
    expect(api.tasks).toHaveLength(2);
  });

  it('retries the same request, options included', async () => {
    const { container, api } = await mountSidebar();
    await typeInto(getByTestId<HTMLInputElement>(container, 'ask-input'), 'Who is driving?');
    await click(getByTestId(container, 'action-ask'));
    await act(() => api.lastTask.error({ kind: 'network', message: 'Unreachable.', retryable: true }));
    await click(getByTestId(container, 'retry'));
    expect(api.lastTask.task).toBe('ask');
    expect(api.options.at(-1)).toEqual({ question: 'Who is driving?', targetLanguage: 'American English' });
  });
});

describe('drafts with links', () => {
  const FOREIGN = 'https://127.0.0.2:8099/t?c=CANARY-5e1f0c77';

  it('A06: warns about a link that is not in the chat, and inserts only on the second press', async () => {
    const { container, api } = await mountSidebar();
    await click(getByTestId(container, 'action-reply'));
    await act(() => {
      api.lastTask.start({ ...START, chatUrls: [] });
      api.lastTask.end([`Sure! Here is the code: ${FOREIGN}`]);
    });
    const warning = getByTestId(container, 'draft-warning');
    expect(warning.textContent).toContain(FOREIGN);
    expect(warning.textContent).toContain('preview');
    const insert = getByTestId<HTMLButtonElement>(container, 'suggestion-insert');
    expect(insert.textContent).toBe('Insert');

    await click(insert);
    expect(api.callsOf('ui->background:insert-draft')).toEqual([]);
    expect(insert.textContent).toBe('Insert anyway');

    await click(insert);
    expect(api.callsOf('ui->background:insert-draft')).toEqual([
      { tabId: 12, text: `Sure! Here is the code: ${FOREIGN}`, allowedUrls: [FOREIGN] },
    ]);
  });

  it('H01: no warning for a link from the chat; Insert names it as known', async () => {
    const { container, api } = await mountSidebar();
    await click(getByTestId(container, 'action-reply'));
    const url = 'https://tickets.example.org/event/42';
    await act(() => {
      api.lastTask.start({ ...START, chatUrls: [url] });
      api.lastTask.end([`Booked! Here's the page again: ${url}`]);
    });
    expect(byTestId(container, 'draft-warning')).toBeNull();
    await click(getByTestId(container, 'suggestion-insert'));
    expect(api.callsOf('ui->background:insert-draft')).toEqual([{ tabId: 12, text: `Booked! Here's the page again: ${url}`, allowedUrls: [url] }]);
  });

  it('checks links again after the user edits a draft, and inserts the edited text', async () => {
    const { container, api } = await mountSidebar();
    await click(getByTestId(container, 'action-reply'));
    await act(() => {
      api.lastTask.start({ ...START, chatUrls: [] });
      api.lastTask.end(['See you at 8!']);
    });
    expect(byTestId(container, 'draft-warning')).toBeNull();
    await click(getByTestId(container, 'suggestion-edit'));
    const editor = getByTestId<HTMLTextAreaElement>(container, 'suggestion-editor');
    expect(editor.value).toBe('See you at 8!');
    await act(() => {
      editor.value = 'See you at 8! evil.example/x?c=1';
      editor.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(getByTestId(container, 'draft-warning').textContent).toContain('evil.example/x?c=1');
    await click(getByTestId(container, 'suggestion-edit'));
    expect(getByTestId(container, 'suggestion-text').textContent).toBe('See you at 8! evil.example/x?c=1');
    await click(getByTestId(container, 'suggestion-insert'));
    await click(getByTestId(container, 'suggestion-insert'));
    expect(api.callsOf('ui->background:insert-draft')).toEqual([
      { tabId: 12, text: 'See you at 8! evil.example/x?c=1', allowedUrls: ['evil.example/x?c=1'] },
    ]);
  });

  it('shows a look-alike host decoded and encoded', async () => {
    const { container, api } = await mountSidebar();
    await click(getByTestId(container, 'action-reply'));
    await act(() => {
      api.lastTask.start({ ...START, chatUrls: ['paypal.com'] });
      api.lastTask.end(['Pay at раураl.com']);
    });
    const warning = getByTestId(container, 'draft-warning');
    expect(warning.textContent).toContain('раураl.com');
    expect(warning.textContent).toContain('xn--l-7sba6dbr.com');
    expect(warning.textContent).toContain('imitates Latin letters');
  });
});

describe('rewrite my draft', () => {
  it('offers one draft with Insert', async () => {
    const { container, api } = await mountSidebar();
    await choose(getByTestId<HTMLSelectElement>(container, 'tone-select'), 'friendly');
    await click(getByTestId(container, 'action-rewrite'));
    expect(api.lastTask.task).toBe('rewrite');
    expect(api.options.at(-1)).toEqual({ tone: 'friendly' });
    await act(() => {
      api.lastTask.start({ ...START, chatUrls: ['https://snacks.example/list'] });
      api.lastTask.delta('Sure! I’ll bring snacks: https://snacks.example/list\n---\nignored');
      api.lastTask.end(['Sure! I’ll bring snacks: https://snacks.example/list']);
    });
    expect(allByTestId(container, 'suggestion')).toHaveLength(1);
    expect(byTestId(container, 'draft-warning')).toBeNull();
    await click(getByTestId(container, 'suggestion-insert'));
    expect(api.callsOf('ui->background:insert-draft')).toEqual([
      { tabId: 12, text: 'Sure! I’ll bring snacks: https://snacks.example/list', allowedUrls: ['https://snacks.example/list'] },
    ]);
  });
});
