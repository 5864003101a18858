import { useState } from 'preact/hooks';
import type { UiApi } from '../api';
import { toUserFacingError } from '../api';
import { MAX_DRAFT_LENGTH } from '../../shared/protocol';

interface Props {
  api: UiApi;
  index: number;
  text: string;
  /** The tab the suggestion was written for. */
  tabId: number | null;
  /** Why Insert is off, or null when it may be used. */
  insertBlockedReason: string | null;
}

type InsertState =
  | { state: 'idle' }
  | { state: 'pending' }
  | { state: 'done'; ok: boolean; message: string };

/** One suggested reply, as plain text, with Insert. Model output never becomes markup here. */
export function SuggestionCard({ api, index, text, tabId, insertBlockedReason }: Props) {
  const [insert, setInsert] = useState<InsertState>({ state: 'idle' });
  const tooLong = text.length > MAX_DRAFT_LENGTH;
  const blocked = insertBlockedReason ?? (tooLong ? 'This draft is too long to insert.' : null);

  const onInsert = async () => {
    if (tabId === null || blocked) return;
    setInsert({ state: 'pending' });
    try {
      const result = await api.request('ui->background:insert-draft', { tabId, text });
      setInsert(
        result.ok
          ? { state: 'done', ok: true, message: 'Inserted — review and press send in WhatsApp' }
          : { state: 'done', ok: false, message: result.error ?? 'The draft could not be inserted.' },
      );
    } catch (cause) {
      const error = toUserFacingError(cause);
      setInsert({ state: 'done', ok: false, message: error.hint ? `${error.message} ${error.hint}` : error.message });
    }
  };

  return (
    <li class="suggestion" data-testid="suggestion">
      <p class="suggestion-text" data-testid="suggestion-text">
        {text}
      </p>
      <div class="suggestion-actions">
        <button
          type="button"
          class="button button-primary"
          data-testid="suggestion-insert"
          aria-label={`Insert suggestion ${index + 1}`}
          title={blocked ?? 'Put this draft in the WhatsApp message box'}
          disabled={blocked !== null || tabId === null || insert.state === 'pending'}
          onClick={onInsert}
        >
          {insert.state === 'pending' ? 'Inserting…' : 'Insert'}
        </button>
        {insert.state === 'done' ? (
          <p
            class={`insert-result ${insert.ok ? 'insert-ok' : 'insert-failed'}`}
            role="status"
            data-testid="insert-result"
            data-ok={String(insert.ok)}
          >
            {insert.message}
          </p>
        ) : null}
      </div>
    </li>
  );
}
