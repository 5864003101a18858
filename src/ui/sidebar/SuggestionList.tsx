import type { UiApi } from '../api';
import { t } from '../i18n';
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
  /** The Regenerate button's words ("Rewrite again" for a rewrite); defaults to "Regenerate". */
  regenerateLabel?: string;
  /** Asks the same again (same message, tone and mode) for new drafts; absent while none can be asked. */
  onRegenerate?: () => void;
}

/** The live region the drafts stream into. Busy while streaming, so readers announce the result once. */
export function SuggestionList({ api, run, suggestions, tabId, streaming, insertBlockedReason, chatUrls, label, regenerateLabel = t('sidebar_regenerate'), onRegenerate }: Props) {
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
              insertBlockedReason={streaming ? t('sidebar_waitForSuggestion') : insertBlockedReason}
            />
          ))}
        </ol>
      ) : null}
      {suggestions.length > 0 && !streaming && onRegenerate ? (
        <button type="button" class="button button-quiet regenerate" data-testid="regenerate" onClick={onRegenerate}>
          {regenerateLabel}
        </button>
      ) : null}
    </section>
  );
}
