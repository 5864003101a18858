import { afterEach, describe, expect, it } from 'vitest';
import { act } from 'preact/test-utils';
import type { PromptTemplate } from '../../shared/templates';
import { byTestId, choose, cleanup, click, getByTestId, settle } from '../testing/dom';
import { mountSidebar } from './sidebar-test-support';

afterEach(cleanup);

const DIGEST: PromptTemplate = { id: 'digest', name: 'Digest', instruction: 'List the dates in {chat}, in {language}.' };
const PICKED: PromptTemplate = { id: 'picked', name: 'Explain selection', instruction: 'Explain {selection} simply.' };

describe('templates in the sidebar', () => {
  it('shows nothing until the user has a template', async () => {
    const { container } = await mountSidebar({
      setup: (api) => api.on('ui->background:get-templates', () => ({ templates: [], chatKey: 'whatsapp:ana', chatDefaultId: null })),
    });
    expect(byTestId(container, 'template-select')).toBeNull();
  });

  it('starts with the chat’s default and runs the template with what its variables need', async () => {
    const { container, api } = await mountSidebar({
      setup: (fake) => fake.on('ui->background:get-templates', () => ({ templates: [DIGEST, PICKED], chatKey: 'whatsapp:ana', chatDefaultId: 'picked' })),
    });
    await settle();
    const select = getByTestId<HTMLSelectElement>(container, 'template-select');
    expect(select.value).toBe('picked');
    expect(getByTestId<HTMLInputElement>(container, 'template-default').checked).toBe(true);

    await click(getByTestId(container, 'action-template'));
    expect(api.lastTask.task).toBe('template');
    expect(api.options.at(-1)).toEqual({ template: { name: 'Explain selection', instruction: 'Explain {selection} simply.' }, scope: { kind: 'selection' } });
    await act(() => api.lastTask.end(['A simple explanation.']));
    expect(getByTestId(container, 'suggestion-text').textContent).toBe('A simple explanation.');

    await choose(select, 'digest');
    expect(getByTestId<HTMLInputElement>(container, 'template-default').checked).toBe(false);
    await click(getByTestId(container, 'action-template'));
    expect(api.options.at(-1)).toEqual({ template: { name: 'Digest', instruction: 'List the dates in {chat}, in {language}.' }, targetLanguage: 'American English' });
  });

  it('makes the picked template this chat’s default, and says why when it cannot', async () => {
    let refuse = false;
    const { container, api } = await mountSidebar({
      setup: (fake) =>
        fake
          .on('ui->background:get-templates', () => ({ templates: [DIGEST], chatKey: 'whatsapp:ana', chatDefaultId: null }))
          .on('ui->background:set-chat-template', (payload) => {
            if (refuse) throw new Error('no');
            return { chatKey: 'whatsapp:ana', chatDefaultId: payload.templateId };
          }),
    });
    await settle();
    const box = getByTestId<HTMLInputElement>(container, 'template-default');
    await click(box);
    await settle();
    expect(api.callsOf('ui->background:set-chat-template')).toEqual([{ tabId: 12, templateId: 'digest' }]);
    expect(box.checked).toBe(true);
    refuse = true;
    await click(box);
    await settle();
    expect(byTestId(container, 'template-note')).not.toBeNull();
  });
});
