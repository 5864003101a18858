/**
 * Settings export and import (Options → Data). The file carries the whole validated settings object,
 * generically (assistants, privacy, and any section added later), and never an API key: keys live apart in
 * IndexedDB and stay there. An import validates everything before it changes anything; a key field in the
 * file is ignored with a notice; an existing key is kept only for the same assistant id on the same origin,
 * so an imported file can never redirect a stored key to another server.
 */
import { wording, wordingOf, type WordedText } from '../../shared/wording';
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

const PICK_ANOTHER = wording('error_importPickFileHint');

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
        notices.push(moved.length === 1 ? wording('error_importKeyRemovedOne', names(moved)) : wording('error_importKeyRemovedMany', names(moved)));
      }
      const result: SettingsImportResult = { assistants: imported.assistants.length, needsKey, notices: notices.map((notice) => notice.text) };
      // The same notices as catalogue ids, index for index, so the options page shows them in the user's language.
      if (notices.length > 0) result.noticeWordings = notices.map((notice) => wordingOf(notice)!);
      return result;
    },
  };
}

export interface ParsedSettingsFile {
  settings: v.InferOutput<typeof SettingsSchema>;
  /** Ids the file says had a key where it was exported. */
  neededKeys: Set<string>;
  notices: WordedText[];
}

/** Validates a settings file completely; throws a BackgroundError naming what is wrong and where. */
export function parseSettingsFile(text: string): ParsedSettingsFile {
  if (text.length > MAX_SETTINGS_FILE_CHARACTERS) {
    fail(wording('error_importTooLarge', Math.ceil(text.length / 1024), MAX_SETTINGS_FILE_CHARACTERS / 1024));
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    fail(wording('error_importNotJson', error instanceof Error ? error.message : 'unreadable'));
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw) || (raw as { format?: unknown }).format !== SETTINGS_FILE_FORMAT) {
    fail(wording('error_importWrongFormat', SETTINGS_FILE_FORMAT));
  }
  const file = raw as Record<string, unknown>;
  if (file.version !== SETTINGS_FILE_VERSION) {
    fail(
      wording('error_importWrongVersion', JSON.stringify(file.version) ?? 'none', SETTINGS_FILE_VERSION),
      wording('error_importWrongVersionHint'),
    );
  }
  const stripped = stripSecretFields(file.settings, 'settings');
  const notices =
    stripped.removed.length > 0
      ? [wording('error_importKeyFieldsIgnored', `${stripped.removed.slice(0, 5).join(', ')}${stripped.removed.length > 5 ? ', …' : ''}`)]
      : [];
  const result = v.safeParse(SettingsSchema, stripped.value);
  if (!result.success) {
    const issue = result.issues[0]!;
    const path = ['settings', ...(issue.path ?? []).map((item) => String(item.key))].join('.');
    fail(wording('error_importInvalidField', path, issue.message));
  }
  const settings = result.output;
  const seen = new Set<string>();
  settings.assistants.forEach((assistant, index) => {
    if (seen.has(assistant.id)) fail(wording('error_importDuplicateId', `settings.assistants.${index}.id`, assistant.id));
    seen.add(assistant.id);
    if (!IMPLEMENTED_PROVIDER_KINDS.has(assistant.kind)) {
      fail(wording('error_importKindUnavailable', `settings.assistants.${index}.kind`, assistant.kind));
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

function fail(message: WordedText, hint: WordedText = PICK_ANOTHER): never {
  throw new BackgroundError(userError('config', message, hint));
}

function originOf(assistant: Assistant): string {
  return new URL(assistant.baseUrl).origin;
}

function names(assistants: Assistant[]): string {
  return assistants.map((assistant) => `“${assistant.name}”`).join(', ');
}
