import { afterEach, describe, expect, it, vi } from 'vitest';
import { Options } from './Options';
import type { OptionsHost } from './options-host';
import { FakeApi, failWith } from '../testing/fake-api';
import { act } from 'preact/test-utils';
import { allByTestId, byTestId, cleanup, click, getByTestId, mount, settle } from '../testing/dom';
import type { BrowserCommand } from '../common/shortcuts';

const COMMANDS: BrowserCommand[] = [
  { name: 'suggest-replies', description: 'Suggest replies in the open chat', shortcut: 'Alt+Shift+S' },
  { name: 'open-sidebar', description: 'Open the Aside sidebar', shortcut: '' },
  { name: '_execute_action', shortcut: '' },
];

async function setup(api = new FakeApi(), extra: Partial<OptionsHost> = {}) {
  api
    .on('ui->background:get-assistants', () => ({ assistants: [], activeAssistantId: null }))
    .on('ui->background:get-egress-log', () => ({ entries: [] }))
    .on('ui->background:list-history-chats', () => ({ chats: [] }))
    .on('ui->background:search-history', () => ({ entries: [], truncated: false }));
  const host: OptionsHost = {
    requestOrigin: async () => true,
    extensionOrigin: 'chrome-extension://abc',
    copyText: async () => undefined,
    newId: () => 'id',
    listCommands: vi.fn(async () => COMMANDS),
    ...extra,
  };
  const { container } = await mount(<Options api={api} host={host} />);
  await settle();
  return { container, api };
}

afterEach(cleanup);

describe('options page structure', () => {
  it('has one main landmark, a section list, and the five sections each named by its h2', async () => {
    const { container } = await setup();
    expect(container.querySelectorAll('main')).toHaveLength(1);
    const nav = getByTestId(container, 'options-nav');
    expect(nav.tagName).toBe('NAV');
    expect(nav.getAttribute('aria-label')).toBe('Settings sections');
    const links = [...nav.querySelectorAll('a')].map((a) => [a.textContent, a.getAttribute('href')]);
    expect(links).toEqual([
      ['Assistants', '#assistants'],
      ['Prompts', '#prompts'],
      ['Privacy', '#privacy'],
      ['Data', '#data'],
      ['Shortcuts', '#shortcuts'],
    ]);
    for (const [title, href] of links) {
      const section = container.querySelector<HTMLElement>(href!)!;
      expect(section.tagName).toBe('SECTION');
      const heading = container.querySelector(`#${section.getAttribute('aria-labelledby')}`)!;
      expect(heading.tagName).toBe('H2');
      expect(heading.textContent).toBe(title);
    }
    // Panels inside a section are one level below it.
    expect(container.querySelector('#assistants h3')?.textContent).toBe('Your assistants');
    expect(container.querySelector('#data h3')?.textContent).toBe('History');
  });

  it('moves keyboard focus into the section a link names', async () => {
    const { container } = await setup();
    const data = container.querySelector<HTMLElement>('#data')!;
    data.scrollIntoView = vi.fn();
    await click(getByTestId(container, 'options-nav').querySelector('a[href="#data"]')!);
    expect(document.activeElement).toBe(data);
  });

  it('lists each shortcut with its current keys, “Not set” when the browser assigned none', async () => {
    const { container } = await setup();
    const rows = allByTestId(container, 'shortcut');
    expect(rows.map((row) => row.dataset.command)).toEqual(['open-sidebar', 'suggest-replies']);
    expect(rows[1]!.textContent).toContain('Suggest replies in the open chat');
    expect([...rows[1]!.querySelectorAll('kbd')].map((k) => k.textContent)).toEqual(['Alt', 'Shift', 'S']);
    expect(rows[0]!.textContent).toContain('Not set');
    expect(getByTestId(container, 'options-section-shortcuts').textContent).toContain('chrome://extensions/shortcuts');
  });

  it('asks the background to open the browser’s shortcut page, and says what to do if it cannot', async () => {
    const api = new FakeApi().on('ui->background:open-shortcut-settings', () => ({ opened: true }));
    const { container } = await setup(api);
    await click(getByTestId(container, 'shortcut-settings'));
    expect(api.callsOf('ui->background:open-shortcut-settings')).toEqual([{}]);

    api.on('ui->background:open-shortcut-settings', () =>
      failWith({ kind: 'config', message: 'Aside could not open the shortcut settings.', hint: 'Type chrome://extensions/shortcuts into the address bar.', retryable: false }),
    );
    await click(getByTestId(container, 'shortcut-settings'));
    expect(getByTestId(container, 'shortcut-error').textContent).toContain('Type chrome://extensions/shortcuts');
  });

  it('offers no in-page remapping where the browser has no commands.update (Chrome)', async () => {
    const { container } = await setup();
    expect(byTestId(container, 'shortcut-change')).toBeNull();
  });

  it('remaps a shortcut in place where the browser allows it (Firefox), and shows its refusal', async () => {
    const commands = COMMANDS.map((command) => ({ ...command }));
    const updateCommand = vi.fn(async (name: string, shortcut: string) => {
      if (shortcut === 'Ctrl+T') throw new Error('Ctrl+T is already used by Firefox');
      commands.find((command) => command.name === name)!.shortcut = shortcut;
    });
    const { container } = await setup(new FakeApi(), { updateCommand, listCommands: async () => commands });
    const keyDown = async (init: KeyboardEventInit) => {
      await act(() => {
        getByTestId(container, 'shortcut-input').dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init }));
      });
    };

    const openSidebarRow = () => allByTestId(container, 'shortcut').find((row) => row.dataset.command === 'open-sidebar')!;
    await click(getByTestId(openSidebarRow(), 'shortcut-change'));
    expect(document.activeElement).toBe(getByTestId(container, 'shortcut-input'));
    await keyDown({ key: 'y', code: 'KeyY' });
    expect(getByTestId(container, 'shortcut-editor').textContent).toContain('Hold Ctrl or Alt');
    expect(getByTestId<HTMLButtonElement>(container, 'shortcut-save').disabled).toBe(true);

    await keyDown({ key: 't', code: 'KeyT', ctrlKey: true });
    await click(getByTestId(container, 'shortcut-save'));
    expect(getByTestId(container, 'shortcut-editor').textContent).toContain('The browser refused Ctrl+T (Ctrl+T is already used by Firefox)');

    await keyDown({ key: 'Y', code: 'KeyY', ctrlKey: true, shiftKey: true });
    expect(getByTestId<HTMLInputElement>(container, 'shortcut-input').value).toBe('Ctrl+Shift+Y');
    await click(getByTestId(container, 'shortcut-save'));
    await settle();
    expect(updateCommand).toHaveBeenLastCalledWith('open-sidebar', 'Ctrl+Shift+Y');
    expect(byTestId(container, 'shortcut-editor')).toBeNull();
    expect([...openSidebarRow().querySelectorAll('kbd')].map((k) => k.textContent)).toEqual(['Ctrl', 'Shift', 'Y']);
  });
});
