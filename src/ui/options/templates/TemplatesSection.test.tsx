import { afterEach, describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import type { PromptTemplate } from '../../../shared/templates';
import { FakeApi } from '../../testing/fake-api';
import { allByTestId, byTestId, cleanup, click, getByTestId, mount, settle } from '../../testing/dom';
import { TemplatesSection } from './TemplatesSection';

afterEach(cleanup);

const DIGEST: PromptTemplate = { id: 'digest', name: 'Digest', instruction: 'List what {chat} decided.' };

function fakeStore(initial: PromptTemplate[]) {
  let stored = initial;
  const api = new FakeApi()
    .on('ui->background:get-templates', () => ({ templates: stored, chatKey: null, chatDefaultId: null }))
    .on('ui->background:save-templates', (payload) => {
      stored = payload.templates;
      return { templates: stored };
    });
  return { api, stored: () => stored };
}

async function fill(element: HTMLInputElement | HTMLTextAreaElement, value: string) {
  await act(() => {
    element.value = value;
    element.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

async function pick(input: HTMLInputElement, text: string) {
  const file = new File([text], 'templates.json', { type: 'application/json' });
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  await act(() => void input.dispatchEvent(new Event('change', { bubbles: true })));
  await settle(6);
}

describe('options: prompt templates', () => {
  it('adds a template, pointing out a variable Aside does not know', async () => {
    const { api, stored } = fakeStore([]);
    const { container } = await mount(<TemplatesSection api={api} download={() => undefined} />);
    await settle();
    expect(getByTestId<HTMLButtonElement>(container, 'template-save').disabled).toBe(true);
    await fill(getByTestId<HTMLInputElement>(container, 'template-name'), 'Dates');
    await fill(getByTestId<HTMLTextAreaElement>(container, 'template-instruction'), 'Dates in {chats}');
    expect(getByTestId(container, 'template-unknown-variables').textContent).toContain('{chats}');
    await fill(getByTestId<HTMLTextAreaElement>(container, 'template-instruction'), 'Dates in {chat}');
    expect(byTestId(container, 'template-unknown-variables')).toBeNull();
    await click(getByTestId(container, 'template-save'));
    await settle();
    expect(stored()).toEqual([expect.objectContaining({ name: 'Dates', instruction: 'Dates in {chat}' })]);
    expect(allByTestId(container, 'template-item')).toHaveLength(1);
    expect(getByTestId(container, 'templates-status').textContent).toBe('Added “Dates”.');
  });

  it('edits and deletes (after confirming) a template', async () => {
    const { api, stored } = fakeStore([DIGEST]);
    const { container } = await mount(<TemplatesSection api={api} download={() => undefined} />);
    await settle();
    await click(getByTestId(container, 'template-edit'));
    expect(getByTestId<HTMLInputElement>(container, 'template-name').value).toBe('Digest');
    await fill(getByTestId<HTMLTextAreaElement>(container, 'template-instruction'), 'List what {chat} decided, with dates.');
    await click(getByTestId(container, 'template-save'));
    await settle();
    expect(stored()).toEqual([{ ...DIGEST, instruction: 'List what {chat} decided, with dates.' }]);

    const confirm = vi.fn().mockReturnValueOnce(false).mockReturnValueOnce(true);
    Object.defineProperty(window, 'confirm', { value: confirm, configurable: true });
    await click(getByTestId(container, 'template-delete'));
    expect(stored()).toHaveLength(1);
    await click(getByTestId(container, 'template-delete'));
    await settle();
    expect(stored()).toEqual([]);
    expect(confirm).toHaveBeenCalledWith('Delete the template “Digest”?');
  });

  it('exports a file import reads back, and refuses an invalid file without changing anything', async () => {
    const { api, stored } = fakeStore([DIGEST]);
    const downloads: string[] = [];
    const { container } = await mount(<TemplatesSection api={api} download={(_name, text) => downloads.push(text)} />);
    await settle();
    await click(getByTestId(container, 'templates-export'));
    expect(JSON.parse(downloads[0]!)).toEqual({ format: 'aside-templates', version: 1, templates: [DIGEST] });

    await pick(getByTestId<HTMLInputElement>(container, 'templates-import'), '{"format":"aside-templates","version":1,"templates":[{"id":"x y","name":"n","instruction":"i"}]}');
    expect(getByTestId(container, 'error').textContent).toContain('templates.0.id must be');
    expect(stored()).toEqual([DIGEST]);

    const other = { id: 'other', name: 'Other', instruction: 'Translate {draft}.' };
    await pick(getByTestId<HTMLInputElement>(container, 'templates-import'), JSON.stringify({ format: 'aside-templates', version: 1, templates: [other] }));
    expect(stored()).toEqual([DIGEST, other]);
    expect(getByTestId(container, 'templates-status').textContent).toBe('Imported 1 template: 1 new, 0 updated.');
  });
});
