import type { Assistant } from '../shared/settings';
import { localityOf } from '../shared/settings';
import type { LanguageModelProvider } from '../providers/types';
import { createGuardedFetch } from './egress';
import { BackgroundError, userError } from './errors';
import { wording } from '../shared/wording';
import type { BackgroundServices } from './services';
import { inBrowserProvider, isInBrowserKind } from './local-engine';

export interface ActiveAssistant {
  assistant: Assistant;
  apiKey: string | undefined;
  locality: 'local' | 'remote';
}

/**
 * The assistant that answers: the one chosen for this chat (the popup's "For this chat") when there is
 * one and it still exists, else the active one.
 */
export async function resolveActiveAssistant(services: BackgroundServices, chatKey: string | null = null): Promise<ActiveAssistant> {
  const { settings } = await services.settings.load();
  const chosenId = chatKey !== null && services.chatAssistants ? await services.chatAssistants.get(chatKey) : null;
  const assistant =
    settings.assistants.find((candidate) => candidate.id === chosenId) ??
    settings.assistants.find((candidate) => candidate.id === settings.activeAssistantId);
  if (!assistant) {
    throw new BackgroundError(
      userError('config', wording('error_noAssistant'), wording('error_noAssistantHint')),
    );
  }
  return { assistant, apiKey: await services.secrets.get(assistant.id), locality: localityOf(assistant) };
}

/** A provider whose every request passes the egress guard for this assistant's origin only. */
export function providerFor(
  services: BackgroundServices,
  active: ActiveAssistant,
  purpose: { chatKey: string | null; action: string },
): LanguageModelProvider {
  // In-browser models send nothing over the network: no origin to guard, nothing to log.
  if (isInBrowserKind(active.assistant.kind)) return inBrowserProvider(active.assistant.kind, active.assistant.model);
  const fetch = createGuardedFetch({
    allowedOrigin: new URL(active.assistant.baseUrl).origin,
    chatKey: purpose.chatKey,
    action: purpose.action,
    record: services.recordEgress,
    fetchImplementation: services.fetchImplementation,
  });
  return services.createProvider(active.assistant.kind, {
    baseUrl: active.assistant.baseUrl,
    model: active.assistant.model,
    apiKey: active.apiKey,
    fetch,
    extensionOrigin: services.extension.origin,
    contextWindowTokens: active.assistant.contextWindowTokens,
  });
}
