import type { UiApi } from '../api';
import { SuggestionCard } from './SuggestionCard';

interface Props {
  api: UiApi;
  run: number;
  suggestions: string[];
  tabId: number | null;
  streaming: boolean;
  insertBlockedReason: string | null;
}

/** The live region the drafts stream into. Busy while streaming, so readers announce the result once. */
export function SuggestionList({ api, run, suggestions, tabId, streaming, insertBlockedReason }: Props) {
  return (
    <section class="suggestions" aria-live="polite" aria-busy={streaming} aria-label="Suggested replies">
      {suggestions.length > 0 ? (
        <ol class="suggestion-list">
          {suggestions.map((text, index) => (
            <SuggestionCard
              key={`${run}:${index}`}
              api={api}
              index={index}
              text={text}
              tabId={tabId}
              insertBlockedReason={streaming ? 'Wait until the suggestion is complete.' : insertBlockedReason}
            />
          ))}
        </ol>
      ) : null}
    </section>
  );
}
