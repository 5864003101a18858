import { afterEach, describe, expect, it } from 'vitest';
import { act } from 'preact/test-utils';
import { FakeApi } from '../../testing/fake-api';
import { UiRequestError } from '../../api';
import { cleanup, click, getByTestId, mount, settle } from '../../testing/dom';
import { SettingsTransfer } from './SettingsTransfer';
import { withCatalogue } from '../../i18n/with-catalogue';

afterEach(cleanup);

const FILE = {
  format: 'aside-settings' as const,
  version: 1 as const,
  exportedAt: '2026-05-14T09:00:00.000Z',
  settings: { assistants: [], activeAssistantId: null },
  assistantsNeedingKey: [{ id: 'r1', name: 'Hosted' }],
};

async function pick(input: HTMLInputElement, text: string) {
  const file = new File([text], 'settings.json', { type: 'application/json' });
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  await act(() => void input.dispatchEvent(new Event('change', { bubbles: true })));
  await settle(6);
}

describe('options: settings file', () => {
  it('exports through the download and says which keys are not in the file', async () => {
    const downloads: Array<{ name: string; text: string }> = [];
    const api = new FakeApi().on('ui->background:export-settings', () => ({ file: FILE, fileName: 'aside-settings-2026-05-14.json' }));
    const { container } = await mount(<SettingsTransfer api={api} download={(name, text) => downloads.push({ name, text })} />);
    await click(getByTestId(container, 'settings-export'));
    expect(downloads).toHaveLength(1);
    expect(JSON.parse(downloads[0]!.text)).toEqual(FILE);
    expect(getByTestId(container, 'settings-export-result').textContent).toContain('enter the key again for Hosted');
  });

  it('imports the picked file’s text and lists the assistants that need a key', async () => {
    let imported = false;
    const api = new FakeApi().on('ui->background:import-settings', (payload) => {
      expect(JSON.parse(payload.text)).toEqual(FILE);
      return { assistants: 2, needsKey: [{ id: 'r1', name: 'Hosted' }], notices: ['The file held key fields (settings.assistants.1.apiKey); Aside never imports keys and ignored them.'] };
    });
    const { container } = await mount(<SettingsTransfer api={api} download={() => undefined} onImported={() => (imported = true)} />);
    await pick(getByTestId(container, 'settings-import'), JSON.stringify(FILE));
    const result = getByTestId(container, 'settings-import-result');
    expect(result.textContent).toContain('Imported 2 assistants');
    expect(getByTestId(container, 'settings-import-needs-key').textContent).toBe('Enter the API key again for: Hosted.');
    expect(result.textContent).toContain('never imports keys');
    expect(imported).toBe(true);
  });

  it('shows the import notices in the interface language', async () => {
    const api = new FakeApi().on('ui->background:import-settings', () => ({
      assistants: 1,
      needsKey: [],
      notices: ['“Hosted” now points to another server, so the key stored for it was removed.'],
      noticeWordings: [{ key: 'error_importKeyRemovedOne', args: ['“Hosted”'] }],
    }));
    await withCatalogue('de', async () => {
      const { container } = await mount(<SettingsTransfer api={api} download={() => undefined} />);
      await pick(getByTestId(container, 'settings-import'), JSON.stringify(FILE));
      expect(getByTestId(container, 'settings-import-result').textContent).toContain(
        '“Hosted” zeigt jetzt auf einen anderen Server, deshalb wurde der dafür gespeicherte Schlüssel entfernt.',
      );
    });
  });

  it('shows the background’s reason when the file is refused', async () => {
    const api = new FakeApi().on('ui->background:import-settings', () => {
      throw new UiRequestError({ kind: 'config', message: 'The settings file is invalid at “settings.assistants.0.kind”: …', retryable: false });
    });
    const { container } = await mount(<SettingsTransfer api={api} download={() => undefined} />);
    await pick(getByTestId(container, 'settings-import'), '{}');
    expect(getByTestId(container, 'settings-import-error').textContent).toContain('settings.assistants.0.kind');
  });
});
