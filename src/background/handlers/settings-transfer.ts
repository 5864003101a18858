/**
 * Settings export and import (Options → Data). The file carries the whole validated settings object,
 * generically (assistants, privacy, and any section added later), and never an API key: keys live apart in
 * IndexedDB and stay there. An import validates everything before it changes anything; a key field in the
 * file is ignored with a notice; an existing key is kept only for the same assistant id on the same origin,
 * so an imported file can never redirect a stored key to another server.
 */
import * as v from 'valibot';
import { IMPLEMENTED_PROVIDER_KINDS } from '../../providers/registry';
import {
  MAX_SETTINGS_FILE_CHARACTERS,
  type Payload,
  type Response,
  type SettingsFile,
  type SettingsImportResult,
} from '../../shared/protocol';
import { localityOf, SettingsSchema, type Assistant, type PrivacySettings } from '../../shared/settings';
import { BackgroundError, userError } from '../errors';
import type { BackgroundServices } from '../services';

export const SETTINGS_FILE_FORMAT = 'aside-settings';
export const SETTINGS_FILE_VERSION = 1;

/** Field names that hold a secret, wherever they appear. Compared case-insensitively, ignoring - and _. */
const SECRET_FIELD = /^(api-?key|key|secret|client-?secret|token|access-?token|refresh-?token|auth|authorization|bearer|password)$/i;

const PICK_ANOTHER = 'Pick a file made with Aside’s “Export settings”.';

export function privacySettingsHandlers(services: BackgroundServices) {
  return {
    async 'ui->background:get-privacy-settings'(): Promise<PrivacySettings> {
      return (await services.settings.load()).settings.privacy;
    },
    async 'ui->background:set-privacy-settings'(payload: Payload<'ui->background:set-privacy-settings'>): Promise<PrivacySettings> {
      const change = Object.fromEntries(Object.entries(payload).filter(([, value]) => value !== undefined));
      const updated = await services.settings.update((settings) => ({ ...settings, privacy: { ...settings.privacy, ...change } }));
      return updated.privacy;
    },
  };
}

export function settingsTransferHandlers(services: BackgroundServices) {
  return {
    async 'ui->background:export-settings'(): Promise<Response<'ui->background:export-settings'>> {
      const { settings } = await services.settings.load();
      const withKeys = await Promise.all(settings.assistants.map(async (assistant) => ((await services.secrets.has(assistant.id)) ? [assistant] : [])));
      const file: SettingsFile = {
        format: SETTINGS_FILE_FORMAT,
        version: SETTINGS_FILE_VERSION,
        exportedAt: new Date().toISOString(),
        // Settings hold no keys by design; stripping again keeps it so if a section ever adds one.
        settings: stripSecretFields(structuredClone(settings), 'settings').value as Record<string, unknown>,
        assistantsNeedingKey: withKeys.flat().map(({ id, name }) => ({ id, name })),
      };
      return { file, fileName: `aside-settings-${file.exportedAt.slice(0, 10)}.json` };
    },

    async 'ui->background:import-settings'(payload: Payload<'ui->background:import-settings'>): Promise<SettingsImportResult> {
      const parsed = parseSettingsFile(payload.text);
      const { settings: current } = await services.settings.load();
      const imported = parsed.settings;
      const importedIds = new Set(imported.assistants.map((assistant) => assistant.id));
      // Assistants in the file replace those with the same id; the others here stay.
      const assistants = [...imported.assistants, ...current.assistants.filter((assistant) => !importedIds.has(assistant.id))];
      const moved = imported.assistants.filter((assistant) => {
        const before = current.assistants.find((existing) => existing.id === assistant.id);
        return before !== undefined && originOf(before) !== originOf(assistant);
      });
      await services.settings.update(() => ({
        ...imported,
        assistants,
        activeAssistantId: assistants.some((assistant) => assistant.id === imported.activeAssistantId)
          ? imported.activeAssistantId
          : assistants.some((assistant) => assistant.id === current.activeAssistantId)
            ? current.activeAssistantId
            : assistants[0]?.id ?? null,
      }));
      // A stored key belongs to its origin: an imported assistant pointing elsewhere loses it.
      for (const assistant of moved) await services.secrets.remove(assistant.id);
      const needsKey: SettingsImportResult['needsKey'] = [];
      for (const assistant of imported.assistants) {
        const hadKey = parsed.neededKeys.has(assistant.id) || localityOf(assistant) === 'remote';
        if (hadKey && !(await services.secrets.has(assistant.id))) needsKey.push({ id: assistant.id, name: assistant.name });
      }
      const notices = [...parsed.notices];
      if (moved.length > 0) {
        notices.push(`${names(moved)} now point${moved.length === 1 ? 's' : ''} to another server, so the key stored for ${moved.length === 1 ? 'it' : 'them'} was removed.`);
      }
      return { assistants: imported.assistants.length, needsKey, notices };
    },
  };
}

export interface ParsedSettingsFile {
  settings: v.InferOutput<typeof SettingsSchema>;
  /** Ids the file says had a key where it was exported. */
  neededKeys: Set<string>;
  notices: string[];
}

/** Validates a settings file completely; throws a BackgroundError naming what is wrong and where. */
export function parseSettingsFile(text: string): ParsedSettingsFile {
  if (text.length > MAX_SETTINGS_FILE_CHARACTERS) {
    fail(`This file is too large to be an Aside settings file (${Math.ceil(text.length / 1024)} KB; at most ${MAX_SETTINGS_FILE_CHARACTERS / 1024} KB).`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    fail(`This file is not valid JSON (${error instanceof Error ? error.message : 'unreadable'}).`);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw) || (raw as { format?: unknown }).format !== SETTINGS_FILE_FORMAT) {
    fail(`This is not an Aside settings file: the field “format” must be “${SETTINGS_FILE_FORMAT}”.`);
  }
  const file = raw as Record<string, unknown>;
  if (file.version !== SETTINGS_FILE_VERSION) {
    fail(
      `This settings file has version ${JSON.stringify(file.version) ?? 'none'}; this Aside reads version ${SETTINGS_FILE_VERSION}.`,
      'Export the settings again from the same version of Aside, or update Aside.',
    );
  }
  const stripped = stripSecretFields(file.settings, 'settings');
  const notices =
    stripped.removed.length > 0
      ? [`The file held key fields (${stripped.removed.slice(0, 5).join(', ')}${stripped.removed.length > 5 ? ', …' : ''}); Aside never imports keys and ignored them.`]
      : [];
  const result = v.safeParse(SettingsSchema, stripped.value);
  if (!result.success) {
    const issue = result.issues[0]!;
    const path = ['settings', ...(issue.path ?? []).map((item) => String(item.key))].join('.');
    fail(`The settings file is invalid at “${path}”: ${issue.message}.`);
  }
  const settings = result.output;
  const seen = new Set<string>();
  settings.assistants.forEach((assistant, index) => {
    if (seen.has(assistant.id)) fail(`The settings file is invalid at “settings.assistants.${index}.id”: the id “${assistant.id}” appears twice.`);
    seen.add(assistant.id);
    if (!IMPLEMENTED_PROVIDER_KINDS.has(assistant.kind)) {
      fail(`The settings file is invalid at “settings.assistants.${index}.kind”: ${assistant.kind} assistants are not available in this version of Aside.`);
    }
  });
  const listed = Array.isArray(file.assistantsNeedingKey) ? file.assistantsNeedingKey : [];
  const neededKeys = new Set(listed.flatMap((entry) => (typeof entry === 'object' && entry !== null && typeof (entry as { id?: unknown }).id === 'string' ? [(entry as { id: string }).id] : [])));
  return { settings, neededKeys, notices };
}

/** A deep copy without any field named like a secret; `removed` lists where each one was. */
export function stripSecretFields(value: unknown, path: string): { value: unknown; removed: string[] } {
  const removed: string[] = [];
  const walk = (node: unknown, at: string): unknown => {
    if (Array.isArray(node)) return node.map((item, index) => walk(item, `${at}.${index}`));
    if (typeof node !== 'object' || node === null) return node;
    const copy: Record<string, unknown> = {};
    for (const [name, child] of Object.entries(node)) {
      if (SECRET_FIELD.test(name.replace(/_/g, '-'))) {
        removed.push(`${at}.${name}`);
        continue;
      }
      copy[name] = walk(child, `${at}.${name}`);
    }
    return copy;
  };
  return { value: walk(value, path), removed };
}

function fail(message: string, hint: string = PICK_ANOTHER): never {
  throw new BackgroundError(userError('config', message, hint));
}

function originOf(assistant: Assistant): string {
  return new URL(assistant.baseUrl).origin;
}

function names(assistants: Assistant[]): string {
  return assistants.map((assistant) => `“${assistant.name}”`).join(', ');
}
