import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadMarkdownParser } from '../render';
import { act } from 'preact/test-utils';
import { cleanup, getByTestId, mount } from '../testing/dom';
import { HistoryList } from './HistoryList';

beforeAll(() => loadMarkdownParser());
afterEach(cleanup);

describe('HistoryList', () => {
  it('renders earlier answers through SafeMarkdown and drafts verbatim, once opened', async () => {
    const { container } = await mount(
      <HistoryList
        entries={[
          { id: 1, chatKey: 'c', task: 'summarize', createdAt: 2, suggestions: [], output: '**Plans** ![x](http://127.0.0.2:8099/p.png)', assistantName: 'A', model: 'm' },
          { id: 2, chatKey: 'c', task: 'reply', createdAt: 1, suggestions: ['*as typed* <b>x</b>'], assistantName: 'A', model: 'm' },
        ]}
      />,
    );
    const history = getByTestId<HTMLDetailsElement>(container, 'history');
    expect(history.querySelector('.history-entry')).toBeNull();
    await act(() => {
      history.open = true;
      history.dispatchEvent(new Event('toggle'));
    });
    const entries = history.querySelectorAll('.history-entry');
    expect(entries[0]?.textContent).toContain('Catch up');
    expect(entries[0]?.querySelector('strong')?.textContent).toBe('Plans');
    expect(entries[0]?.querySelector('img')).toBeNull();
    expect(entries[0]?.textContent).toContain('[image: x — http://127.0.0.2:8099/p.png]');
    expect(entries[1]?.querySelector('.history-text')?.textContent).toBe('*as typed* <b>x</b>');
    expect(history.querySelector('b, em')).toBeNull();
  });
});
