import type { UiApi } from '../api';
import { SuggestionCard } from './SuggestionCard';

interface Props {
  api: UiApi;
  run: number;
  suggestions: string[];
  tabId: number | null;
  streaming: boolean;
  insertBlockedReason: string | null;
  chatUrls: readonly string[] | null;
  /** "Suggested replies" or "Rewritten draft". */
  label: string;
  /** Asks the same again (same message, tone and mode) for new drafts; absent while none can be asked. */
  onRegenerate?: () => void;
}

/** The live region the drafts stream into. Busy while streaming, so readers announce the result once. */
export function SuggestionList({ api, run, suggestions, tabId, streaming, insertBlockedReason, chatUrls, label, onRegenerate }: Props) {
  return (
    <section class="suggestions" aria-live="polite" aria-busy={streaming} aria-label={label}>
      {suggestions.length > 0 ? (
        <ol class="suggestion-list">
          {suggestions.map((text, index) => (
            <SuggestionCard
              key={`${run}:${index}`}
              api={api}
              index={index}
              text={text}
              tabId={tabId}
              streaming={streaming}
              chatUrls={chatUrls}
              insertBlockedReason={streaming ? 'Wait until the suggestion is complete.' : insertBlockedReason}
            />
          ))}
        </ol>
      ) : null}
      {suggestions.length > 0 && !streaming && onRegenerate ? (
        <button type="button" class="button button-quiet regenerate" data-testid="regenerate" onClick={onRegenerate}>
          {label === 'Rewritten draft' ? 'Rewrite again' : 'Regenerate'}
        </button>
      ) : null}
    </section>
  );
}
