import { useEffect, useRef, useState } from 'preact/hooks';
import type { UiApi } from '../api';
import type { AssistantView } from '../../shared/settings';
import { formatNumber } from '../common/locale-format';
import { t } from '../i18n';
import { errorText } from '../common/error-text';

/**
 * What the popup knows about an assistant's readiness:
 * - `checking`, `reachable`, `unreachable`: the result of the options page's own connection test;
 * - `unchecked`: a remote service, tested only when the user asks (a test sends the key there);
 * - `downloaded`, `not-downloaded`: a WebLLM model in the browser, as the background's model list says;
 * - `unknown`: a model in the browser whose state the background could not tell (yet).
 */
export type Reachability =
  | { state: 'checking' | 'unchecked' | 'unknown' | 'reachable' | 'downloaded' | 'not-downloaded' }
  | { state: 'unreachable'; reason: string };

/** A popup is open for seconds: a check that takes longer than this says "no answer". */
export const POPUP_CHECK_TIMEOUT_MS = 4_000;

export function initialReachability(assistant: AssistantView): Reachability {
  if (assistant.kind === 'webllm') return { state: 'checking' };
  if (assistant.kind === 'chrome-ai') return { state: 'unknown' };
  return { state: assistant.locality === 'local' ? 'checking' : 'unchecked' };
}

/**
 * Tests local servers at once (nothing leaves the machine), remote ones when `checkRemote` is called.
 * Runs after the first paint and never holds the popup up.
 */
export function useReachability(api: UiApi, assistants: AssistantView[], timeoutMs = POPUP_CHECK_TIMEOUT_MS) {
  const [states, setStates] = useState<Record<string, Reachability>>({});
  const alive = useRef(true);
  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);

  /** Resolves to `fallback` when `work` takes longer than the popup can wait. */
  const withTimeout = <T,>(work: Promise<T>, fallback: T): Promise<T> => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<T>((resolve) => {
      timer = setTimeout(() => resolve(fallback), timeoutMs);
    });
    return Promise.race([work, late]).finally(() => clearTimeout(timer));
  };

  /** One question for all WebLLM assistants: which models the browser holds. */
  const checkLocalModels = (local: AssistantView[]) => {
    const unknown = Object.fromEntries(local.map((assistant) => [assistant.id, { state: 'unknown' } as Reachability]));
    const asked = api.request('ui->background:local-models', {}).then(
      (result) => {
        if (!result.ok) return unknown;
        return Object.fromEntries(
          local.map((assistant) => {
            const model = result.models.find((candidate) => candidate.id === assistant.model);
            const state: Reachability = model ? { state: model.downloaded ? 'downloaded' : 'not-downloaded' } : { state: 'unknown' };
            return [assistant.id, state];
          }),
        );
      },
      () => unknown,
    );
    void withTimeout(asked, unknown).then((found) => {
      if (alive.current) setStates((previous) => ({ ...previous, ...found }));
    });
  };

  const check = (assistant: AssistantView) => {
    setStates((previous) => ({ ...previous, [assistant.id]: { state: 'checking' } }));
    const test = api.request('ui->background:test-assistant', { id: assistant.id }).then(
      (result): Reachability => (result.ok ? { state: 'reachable' } : { state: 'unreachable', reason: errorText(result.error).message }),
      (): Reachability => ({ state: 'unreachable', reason: t('popup_backgroundSilent') }),
    );
    const late: Reachability = { state: 'unreachable', reason: t('popup_noAnswerWithin', formatNumber(Math.round(timeoutMs / 1000))) };
    void withTimeout(test, late).then((result) => {
      if (alive.current) setStates((previous) => ({ ...previous, [assistant.id]: result }));
    });
  };

  const ids = assistants.map((assistant) => `${assistant.id}@${assistant.baseUrl}`).join('|');
  useEffect(() => {
    const inBrowser = assistants.filter((assistant) => assistant.kind === 'webllm');
    if (inBrowser.length > 0) checkLocalModels(inBrowser);
    for (const assistant of assistants) {
      if (assistant.kind !== 'webllm' && initialReachability(assistant).state === 'checking') check(assistant);
    }
    // Re-check only when the set of assistants (or an address) changes, not on every render.
  }, [ids]);

  const stateOf = (assistant: AssistantView): Reachability => states[assistant.id] ?? initialReachability(assistant);
  const checkRemote = () => {
    for (const assistant of assistants) if (initialReachability(assistant).state === 'unchecked') check(assistant);
  };
  const hasUnchecked = assistants.some((assistant) => stateOf(assistant).state === 'unchecked');
  return { stateOf, checkRemote, hasUnchecked };
}
