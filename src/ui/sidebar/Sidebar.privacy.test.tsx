import { afterEach, describe, expect, it } from 'vitest';
import { byTestId, choose, cleanup, click, getByTestId, settle } from '../testing/dom';
import { mountSidebar } from './sidebar-test-support';

afterEach(cleanup);

const PRIVACY = { pseudonymise: true, readScope: { kind: 'last' as const, count: 50 }, incognito: false };

describe('sidebar: privacy', () => {
  it('shows the incognito badge only while incognito is on, read again on focus', async () => {
    let incognito = true;
    const { container } = await mountSidebar({
      setup: (api) => api.on('ui->background:get-privacy-settings', () => ({ ...PRIVACY, incognito })),
    });
    expect(getByTestId(container, 'incognito-badge').textContent).toBe('Incognito');
    incognito = false;
    window.dispatchEvent(new Event('focus'));
    await settle();
    expect(byTestId(container, 'incognito-badge')).toBeNull();
  });

  it('sends the scope picked for the run in start; “as set in options” sends none', async () => {
    const { api, container } = await mountSidebar();
    await click(getByTestId(container, 'action-reply'));
    expect(api.options.at(-1)?.scope).toBeUndefined();
    api.lastTask.end(['ok']);
    await settle();

    await choose(getByTestId(container, 'scope-picker'), 'since-unread');
    await click(getByTestId(container, 'action-reply'));
    expect(api.options.at(-1)?.scope).toEqual({ kind: 'since-unread' });
    api.lastTask.end(['ok']);
    await settle();

    await choose(getByTestId(container, 'scope-picker'), 'last-200');
    await click(getByTestId(container, 'action-summarize'));
    expect(api.options.at(-1)).toMatchObject({ scope: { kind: 'last', count: 200 } });
  });
});
