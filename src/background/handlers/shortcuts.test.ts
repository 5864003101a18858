import { describe, expect, it, vi } from 'vitest';
import { CHROME_SHORTCUTS_URL, shortcutHandlers } from './shortcuts';

describe('open-shortcut-settings', () => {
  it('uses Firefox’s own API where it exists', async () => {
    const openShortcutSettings = vi.fn(async () => undefined);
    const openTab = vi.fn(async () => undefined);
    const handlers = shortcutHandlers({ openShortcutSettings, openTab }, 'firefox');
    expect(await handlers['ui->background:open-shortcut-settings']()).toEqual({ opened: true });
    expect(openShortcutSettings).toHaveBeenCalledOnce();
    expect(openTab).not.toHaveBeenCalled();
  });

  it('opens Chrome’s shortcuts page in a tab', async () => {
    const openTab = vi.fn(async () => undefined);
    await shortcutHandlers({ openTab }, 'chrome')['ui->background:open-shortcut-settings']();
    expect(openTab).toHaveBeenCalledWith(CHROME_SHORTCUTS_URL);
  });

  it('says where to go by hand when the browser refuses', async () => {
    const refused = shortcutHandlers({ openTab: async () => Promise.reject(new Error('Cannot navigate')) }, 'chrome');
    await expect(refused['ui->background:open-shortcut-settings']()).rejects.toMatchObject({
      userError: { kind: 'config', hint: expect.stringContaining(CHROME_SHORTCUTS_URL) },
    });
    const oldFirefox = shortcutHandlers({ openTab: async () => undefined }, 'firefox');
    await expect(oldFirefox['ui->background:open-shortcut-settings']()).rejects.toMatchObject({
      userError: { hint: expect.stringContaining('about:addons') },
    });
  });
});
