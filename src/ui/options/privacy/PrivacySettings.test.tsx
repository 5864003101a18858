import { afterEach, describe, expect, it } from 'vitest';
import { act } from 'preact/test-utils';
import { FakeApi } from '../../testing/fake-api';
import { byTestId, choose, cleanup, click, getByTestId, mount, settle, typeInto } from '../../testing/dom';
import type { PrivacySettings as Privacy } from '../../../shared/settings';
import { PrivacySettings } from './PrivacySettings';

afterEach(cleanup);

function fakeBackground(initial: Privacy = { pseudonymise: true, readScope: { kind: 'last', count: 50 }, incognito: false }) {
  let stored = structuredClone(initial);
  const api = new FakeApi()
    .on('ui->background:get-privacy-settings', () => stored)
    .on('ui->background:set-privacy-settings', (change) => (stored = { ...stored, ...change }));
  return { api, stored: () => stored };
}

describe('options: privacy settings', () => {
  it('shows the stored choices and saves each change at once', async () => {
    const { api, stored } = fakeBackground();
    const { container } = await mount(<PrivacySettings api={api} />);
    await settle();
    const pseudonymise = getByTestId<HTMLInputElement>(container, 'privacy-pseudonymise');
    expect(pseudonymise.checked).toBe(true);
    expect(getByTestId<HTMLSelectElement>(container, 'privacy-scope').value).toBe('last');
    expect(getByTestId<HTMLInputElement>(container, 'privacy-scope-count').value).toBe('50');

    await click(pseudonymise);
    expect(stored().pseudonymise).toBe(false);
    expect(getByTestId<HTMLInputElement>(container, 'privacy-pseudonymise').checked).toBe(false);

    await click(getByTestId(container, 'privacy-incognito'));
    expect(stored().incognito).toBe(true);

    const count = getByTestId<HTMLInputElement>(container, 'privacy-scope-count');
    await typeInto(count, '120');
    await act(() => void count.dispatchEvent(new Event('change', { bubbles: true })));
    await settle();
    expect(stored().readScope).toEqual({ kind: 'last', count: 120 });

    await choose(getByTestId(container, 'privacy-scope'), 'since-unread');
    await settle();
    expect(stored().readScope).toEqual({ kind: 'since-unread' });
    expect(byTestId(container, 'privacy-scope-count')).toBeNull();
  });

  it('refuses a count that is not a whole number in range, saying so', async () => {
    const { api, stored } = fakeBackground();
    const { container } = await mount(<PrivacySettings api={api} />);
    await settle();
    const count = getByTestId<HTMLInputElement>(container, 'privacy-scope-count');
    await typeInto(count, '0');
    await act(() => void count.dispatchEvent(new Event('change', { bubbles: true })));
    await settle();
    expect(getByTestId(container, 'privacy-error').textContent).toContain('from 1 to 2000');
    expect(stored().readScope).toEqual({ kind: 'last', count: 50 });
  });
});
