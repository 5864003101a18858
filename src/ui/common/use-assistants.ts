import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { UiApi } from '../api';
import { toUserFacingError } from '../api';
import type { AssistantView } from '../../shared/settings';
import type { UserFacingError } from '../../shared/errors';
import type { Response } from '../../shared/protocol';

export type AssistantsAnswer = Response<'ui->background:get-assistants'>;

export interface AssistantsState {
  assistants: AssistantView[];
  activeId: string | null;
  active: AssistantView | null;
  /** False until the first answer (or failure). */
  loaded: boolean;
  error: UserFacingError | null;
  /** Reads the list again; resolves to the fresh answer, or null when it failed or was superseded. */
  reload(): Promise<AssistantsAnswer | null>;
  /** Replaces the local copy, e.g. after the background confirmed a change. */
  setActiveId(id: string | null): void;
}

/** The configured assistants, as `ui->background:get-assistants` reports them. */
export function useAssistants(api: UiApi): AssistantsState {
  const [assistants, setAssistants] = useState<AssistantView[]>([]);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<UserFacingError | null>(null);
  const generation = useRef(0);

  const reload = useCallback(async (): Promise<AssistantsAnswer | null> => {
    const mine = ++generation.current;
    try {
      const result = await api.request('ui->background:get-assistants', {});
      if (mine !== generation.current) return null;
      setAssistants(result.assistants);
      setActiveId(result.activeAssistantId);
      setError(null);
      return result;
    } catch (cause) {
      if (mine !== generation.current) return null;
      setError(toUserFacingError(cause));
      return null;
    } finally {
      if (mine === generation.current) setLoaded(true);
    }
  }, [api]);

  useEffect(() => {
    void reload();
    return () => {
      generation.current++;
    };
  }, [reload]);

  const active = assistants.find((assistant) => assistant.id === activeId) ?? null;
  return { assistants, activeId, active, loaded, error, reload, setActiveId };
}
