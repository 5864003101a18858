import { describe, expect, it } from 'vitest';
import { MAX_SETTINGS_FILE_CHARACTERS, type SettingsFile } from '../../shared/protocol';
import { createMessageRouter, type UiHandlers } from '../router';
import { createFakeWorld, EXTENSION, localAssistant, PAGE_SENDER, remoteAssistant } from '../test-support';
import { privacySettingsHandlers, settingsTransferHandlers } from './settings-transfer';

async function setup() {
  const world = createFakeWorld();
  await world.services.settings.update((settings) => ({
    assistants: [localAssistant, remoteAssistant],
    activeAssistantId: remoteAssistant.id,
    privacy: { ...settings.privacy, pseudonymise: false, readScope: { kind: 'last', count: 20 } },
  }));
  await world.services.secrets.set(remoteAssistant.id, 'sk-remote-secret');
  const handlers = { ...settingsTransferHandlers(world.services), ...privacySettingsHandlers(world.services) };
  // Through the real router, so the sender check and payload schema run as they do in the extension.
  const route = createMessageRouter(handlers as unknown as UiHandlers, EXTENSION);
  const request = async (type: string, payload: unknown, sender = PAGE_SENDER) => route({ type, payload }, sender);
  return { world, handlers, request };
}

async function exported() {
  const { handlers } = await setup();
  return (await handlers['ui->background:export-settings']()).file;
}

async function importText(text: string) {
  const context = await setup();
  const reply = await context.request('ui->background:import-settings', { text });
  return { ...context, reply };
}

function errorOf(reply: unknown): string {
  const value = reply as { ok: boolean; error?: { message: string } };
  expect(value.ok).toBe(false);
  return value.error!.message;
}

describe('settings export', () => {
  it('holds every setting and no key, and names the assistants whose key must be entered again', async () => {
    const file = await exported();
    expect(file).toMatchObject({
      format: 'aside-settings',
      version: 1,
      settings: { assistants: [localAssistant, remoteAssistant], activeAssistantId: 'r1', privacy: { pseudonymise: false, readScope: { kind: 'last', count: 20 }, incognito: false } },
      assistantsNeedingKey: [{ id: 'r1', name: 'Hosted' }],
    });
    expect(JSON.stringify(file)).not.toContain('sk-remote-secret');
  });
});

describe('settings import', () => {
  it('round-trips: replaces settings, keeps the stored key for the same id and origin', async () => {
    const file = await exported();
    const { world, reply } = await importText(JSON.stringify({ ...file, settings: { ...file.settings, privacy: { pseudonymise: true, readScope: { kind: 'selection' }, incognito: true } } }));
    expect(reply).toEqual({ ok: true, value: { assistants: 2, needsKey: [], notices: [] } });
    expect((await world.services.settings.load()).settings.privacy).toEqual({ pseudonymise: true, readScope: { kind: 'selection' }, incognito: true });
    expect(await world.services.secrets.get('r1')).toBe('sk-remote-secret');
  });

  it('into a fresh install: says which assistants need a key', async () => {
    const file = await exported();
    const world = createFakeWorld();
    const reply = await settingsTransferHandlers(world.services)['ui->background:import-settings']({ text: JSON.stringify(file) });
    expect(reply.needsKey).toEqual([{ id: 'r1', name: 'Hosted' }]);
    expect((await world.services.settings.load()).settings.assistants.map((a) => a.id)).toEqual(['a1', 'r1']);
    expect((await world.services.settings.load()).settings.activeAssistantId).toBe('r1');
  });

  it('drops the stored key of an assistant the file moves to another origin', async () => {
    const file = await exported();
    const settings = file.settings as { assistants: Array<typeof remoteAssistant> };
    settings.assistants[1] = { ...remoteAssistant, baseUrl: 'https://attacker.example/v1' };
    const { world, reply } = await importText(JSON.stringify(file));
    expect(reply).toMatchObject({ ok: true, value: { needsKey: [{ id: 'r1' }], notices: [expect.stringContaining('“Hosted” now points to another server')] } });
    expect(await world.services.secrets.has('r1')).toBe(false);
  });

  it('ignores key fields in the file, with a notice, and never stores them', async () => {
    const file = await exported();
    const settings = file.settings as { assistants: Array<Record<string, unknown>> };
    settings.assistants[1]!.apiKey = 'sk-from-file';
    settings.assistants[0]!.api_key = 'sk-other';
    const { world, reply } = await importText(JSON.stringify(file));
    expect(reply).toMatchObject({ ok: true, value: { notices: [expect.stringContaining('settings.assistants.0.api_key, settings.assistants.1.apiKey')] } });
    expect((reply as { value: { notices: string[] } }).value.notices[0]).toContain('never imports keys');
    expect(await world.services.secrets.get('r1')).toBe('sk-remote-secret');
    expect(await world.services.secrets.has('a1')).toBe(false);
    expect(JSON.stringify(await world.services.settings.load())).not.toContain('sk-from-file');
  });

  const cases: Array<[string, () => Promise<string>, RegExp]> = [
    ['bad JSON', async () => '{"format": "aside-settings",', /not valid JSON/],
    ['not an object', async () => '[1,2]', /not an Aside settings file.*“format”/],
    ['another format', async () => JSON.stringify({ format: 'other-app', version: 1 }), /not an Aside settings file/],
    ['a wrong version', async () => JSON.stringify({ ...(await exported()), version: 2 }), /version 2; this Aside reads version 1/],
    ['no version', async () => JSON.stringify({ ...(await exported()), version: undefined }), /version none/],
    ['oversize', async () => JSON.stringify({ ...(await exported()), padding: 'x'.repeat(MAX_SETTINGS_FILE_CHARACTERS) }), /too large/],
    [
      'an unknown provider kind',
      async () => {
        const file = await exported();
        (file.settings as { assistants: Array<Record<string, unknown>> }).assistants[1]!.kind = 'evil-cloud';
        return JSON.stringify(file);
      },
      /invalid at “settings\.assistants\.1\.kind”/,
    ],
    [
      'a javascript: base URL',
      async () => {
        const file = await exported();
        (file.settings as { assistants: Array<Record<string, unknown>> }).assistants[0]!.baseUrl = 'javascript:alert(1)';
        return JSON.stringify(file);
      },
      /invalid at “settings\.assistants\.0\.baseUrl”/,
    ],
    [
      'an invalid privacy scope',
      async () => {
        const file = await exported();
        (file.settings as { privacy: Record<string, unknown> }).privacy.readScope = { kind: 'last', count: -1 };
        return JSON.stringify(file);
      },
      /invalid at “settings\.privacy\.readScope\.count”/,
    ],
    [
      'a duplicate assistant id',
      async () => {
        const file: SettingsFile = await exported();
        const settings = file.settings as { assistants: unknown[] };
        settings.assistants.push(settings.assistants[0]);
        return JSON.stringify(file);
      },
      /“settings\.assistants\.2\.id”: the id “a1” appears twice/,
    ],
  ];

  for (const [name, make, expected] of cases) {
    it(`refuses ${name}, naming the problem, and changes nothing`, async () => {
      const { world, reply } = await importText(await make());
      expect(errorOf(reply)).toMatch(expected);
      expect((await world.services.settings.load()).settings.privacy.readScope).toEqual({ kind: 'last', count: 20 });
      expect(await world.services.secrets.get('r1')).toBe('sk-remote-secret');
    });
  }

  it('answers nothing to a sender that is not an extension page', async () => {
    const { request } = await setup();
    const text = JSON.stringify(await exported());
    expect(await request('ui->background:import-settings', { text }, { id: EXTENSION.id, url: 'https://web.whatsapp.com/' })).toBeUndefined();
    expect(await request('ui->background:export-settings', {}, { id: 'another-extension', url: 'chrome-extension://another-extension/x.html' })).toBeUndefined();
  });

  it('rejects a payload that is not text at all', async () => {
    const { request } = await setup();
    expect(errorOf(await request('ui->background:import-settings', { text: { settings: {} } }))).toMatch(/Invalid text/);
  });
});

describe('privacy settings', () => {
  it('changes only the fields given, and validates them', async () => {
    const { request, world } = await setup();
    expect(await request('ui->background:set-privacy-settings', { incognito: true })).toEqual({
      ok: true,
      value: { pseudonymise: false, readScope: { kind: 'last', count: 20 }, incognito: true },
    });
    expect(errorOf(await request('ui->background:set-privacy-settings', { readScope: { kind: 'last', count: 0 } }))).toMatch(/readScope/);
    expect((await world.services.settings.load()).settings.privacy.readScope).toEqual({ kind: 'last', count: 20 });
  });
});
