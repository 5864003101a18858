/** Handlers for configuring assistants: list, save, delete, pick, test, list models. Keys go in, never out. */
import { IMPLEMENTED_PROVIDER_KINDS } from '../../providers/registry';
import type { Payload, Response } from '../../shared/protocol';
import { localityOf, type Assistant, type AssistantView } from '../../shared/settings';
import { providerFor } from '../active-assistant';
import { BackgroundError, toUserFacingError, userError } from '../errors';
import { wording, wordingOf, type WordedText, type Wording } from '../../shared/wording';
import type { BackgroundServices } from '../services';

/** How long the options page's requests (test, load models) may take before they give up. */
const OPTIONS_REQUEST_TIMEOUT_MS = 15_000;
/** A datalist of thousands helps nobody; OpenRouter lists a few hundred. */
const MAX_LISTED_MODELS = 1_000;

async function toView(services: BackgroundServices, assistant: Assistant): Promise<AssistantView> {
  return { ...assistant, hasApiKey: await services.secrets.has(assistant.id), locality: localityOf(assistant) };
}

export function assistantHandlers(services: BackgroundServices) {
  return {
    async 'ui->background:get-assistants'(): Promise<Response<'ui->background:get-assistants'>> {
      const { settings } = await services.settings.load();
      const assistants = await Promise.all(settings.assistants.map((assistant) => toView(services, assistant)));
      return { assistants, activeAssistantId: settings.activeAssistantId };
    },

    async 'ui->background:save-assistant'(
      payload: Payload<'ui->background:save-assistant'>,
    ): Promise<Response<'ui->background:save-assistant'>> {
      const assistant = payload.assistant;
      if (!IMPLEMENTED_PROVIDER_KINDS.has(assistant.kind)) {
        throw new BackgroundError(userError('config', wording('error_kindUnavailable', assistant.kind), wording('error_kindUnavailableHint')));
      }
      await services.settings.update((settings) => {
        const others = settings.assistants.filter((existing) => existing.id !== assistant.id);
        const index = settings.assistants.findIndex((existing) => existing.id === assistant.id);
        const assistants = index === -1 ? [...others, assistant] : settings.assistants.map((existing) => (existing.id === assistant.id ? assistant : existing));
        return { assistants, activeAssistantId: settings.activeAssistantId ?? assistant.id };
      });
      if (payload.apiKey === '') await services.secrets.remove(assistant.id);
      else if (payload.apiKey !== undefined) await services.secrets.set(assistant.id, payload.apiKey.trim());
      return { assistant: await toView(services, assistant) };
    },

    async 'ui->background:delete-assistant'(
      payload: Payload<'ui->background:delete-assistant'>,
    ): Promise<Response<'ui->background:delete-assistant'>> {
      let deleted = false;
      await services.settings.update((settings) => {
        const assistants = settings.assistants.filter((assistant) => assistant.id !== payload.id);
        deleted = assistants.length !== settings.assistants.length;
        const activeAssistantId = settings.activeAssistantId === payload.id ? assistants[0]?.id ?? null : settings.activeAssistantId;
        return { assistants, activeAssistantId };
      });
      await services.secrets.remove(payload.id);
      return { deleted };
    },

    async 'ui->background:set-active-assistant'(
      payload: Payload<'ui->background:set-active-assistant'>,
    ): Promise<Response<'ui->background:set-active-assistant'>> {
      const { settings } = await services.settings.load();
      if (!settings.assistants.some((assistant) => assistant.id === payload.id)) {
        throw new BackgroundError(userError('config', wording('error_assistantGone'), wording('error_assistantGoneHint')));
      }
      await services.settings.update((current) => ({ ...current, activeAssistantId: payload.id }));
      return { activeAssistantId: payload.id };
    },

    async 'ui->background:test-assistant'(
      payload: Payload<'ui->background:test-assistant'>,
    ): Promise<Response<'ui->background:test-assistant'>> {
      const { settings } = await services.settings.load();
      const assistant = settings.assistants.find((candidate) => candidate.id === payload.id);
      if (!assistant) return { ok: false, error: userError('config', wording('error_assistantGone')) };
      const active = { assistant, apiKey: await services.secrets.get(assistant.id), locality: localityOf(assistant) };
      const provider = providerFor(services, active, { chatKey: null, action: 'test-connection' });
      try {
        const signal = AbortSignal.timeout(OPTIONS_REQUEST_TIMEOUT_MS);
        const models = await provider.listModels(signal);
        // A list may come from a GET the server lets through while it refuses the POST a chat sends.
        await provider.probe?.(signal);
        const origin = new URL(assistant.baseUrl).origin;
        if (models.length > 0 && !models.some((model) => model.id === assistant.model)) {
          return {
            ok: false,
            error: userError('model', wording('error_testModelMissing', origin, assistant.model), wording('error_testModelMissingHint', models.slice(0, 8).map((model) => model.id).join(', '))),
          };
        }
        if (assistant.kind === 'webllm' || assistant.kind === 'chrome-ai') {
          // Its base URL is where model files come from, not a server that answers: say what the user can rely on.
          return testPassed(wording('error_testReadyInBrowser', assistant.model));
        }
        if (models.length === 0) return testPassed(wording('error_testConnected', origin));
        return testPassed(models.length === 1 ? wording('error_testConnectedOneModel', origin) : wording('error_testConnectedModels', origin, models.length));
      } catch (error) {
        return { ok: false, error: toUserFacingError(error) };
      }
    },

    async 'ui->background:list-models'(
      payload: Payload<'ui->background:list-models'>,
    ): Promise<Response<'ui->background:list-models'>> {
      if (!IMPLEMENTED_PROVIDER_KINDS.has(payload.kind)) {
        return { ok: false, error: userError('config', wording('error_kindUnavailable', payload.kind), wording('error_kindUnavailableHint')) };
      }
      const origin = new URL(payload.baseUrl).origin;
      const draft: Assistant = { id: payload.assistantId ?? 'draft', name: 'Draft', kind: payload.kind, baseUrl: payload.baseUrl, model: '' };
      const active = { assistant: draft, apiKey: await keyForDraft(services, payload, origin), locality: localityOf(draft) };
      try {
        // The same egress guard as a chat, bound to the draft's origin: nothing else can be reached.
        const provider = providerFor(services, active, { chatKey: null, action: 'list-models' });
        const models = await provider.listModels(AbortSignal.timeout(OPTIONS_REQUEST_TIMEOUT_MS));
        return { ok: true, models: [...new Set(models.map((model) => model.id))].slice(0, MAX_LISTED_MODELS) };
      } catch (error) {
        return { ok: false, error: toUserFacingError(error) };
      }
    },
  };
}

/**
 * The key typed in the form; else the saved assistant's key, but only if that assistant lives on the
 * same origin: editing the address of a saved assistant must not send its key to the new address.
 */
async function keyForDraft(
  services: BackgroundServices,
  payload: Payload<'ui->background:list-models'>,
  origin: string,
): Promise<string | undefined> {
  const typed = payload.apiKey?.trim();
  if (typed) return typed;
  if (payload.assistantId === undefined) return undefined;
  const { settings } = await services.settings.load();
  const saved = settings.assistants.find((assistant) => assistant.id === payload.assistantId);
  if (!saved || new URL(saved.baseUrl).origin !== origin) return undefined;
  return services.secrets.get(saved.id);
}

/** A passed connection test: the English detail, and its catalogue id for the user's language. */
function testPassed(detail: WordedText): { ok: true; detail: string; detailWording: Wording } {
  return { ok: true, detail: detail.text, detailWording: wordingOf(detail)! };
}
