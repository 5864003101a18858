import { useEffect, useMemo, useState } from 'preact/hooks';
import type { UiApi } from '../api';
import { toUserFacingError } from '../api';
import { MAX_DRAFT_LENGTH } from '../../shared/protocol';
import { t } from '../i18n';
import { SafeMarkdown } from '../render';
import { allowedUrlsFor, foreignLinks } from './draft-links';
import { DraftWarning } from './DraftWarning';
import { errorLine } from '../common/error-text';

interface Props {
  api: UiApi;
  index: number;
  text: string;
  /** The tab the suggestion was written for. */
  tabId: number | null;
  /** Why Insert is off, or null when it may be used. */
  insertBlockedReason: string | null;
  /** The draft is still being written: links are checked once it is complete. */
  streaming: boolean;
  /** The links in the chat the model saw; null when unknown (every link is then foreign). */
  chatUrls: readonly string[] | null;
}

type InsertState =
  | { state: 'idle' }
  | { state: 'pending' }
  | { state: 'done'; ok: boolean; message: string };

/**
 * One draft, shown exactly as it would be inserted (verbatim, never markup), with Edit and Insert.
 * A link that is not in the chat shows a warning, and Insert then takes a second, explicit press.
 */
export function SuggestionCard({ api, index, text, tabId, insertBlockedReason, streaming, chatUrls }: Props) {
  const [insert, setInsert] = useState<InsertState>({ state: 'idle' });
  const [edited, setEdited] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  /** The foreign links the user confirmed by pressing Insert once; null until then. */
  const [confirmed, setConfirmed] = useState<string[] | null>(null);
  const draft = edited ?? text;

  const foreign = useMemo(() => (streaming ? [] : foreignLinks(draft, chatUrls ?? [])), [streaming, draft, chatUrls]);
  // A changed draft must be confirmed again.
  useEffect(() => setConfirmed(null), [draft]);

  const tooLong = draft.length > MAX_DRAFT_LENGTH;
  const empty = draft.trim().length === 0;
  const blocked = insertBlockedReason ?? (tooLong ? t('sidebar_draftTooLong') : empty ? t('sidebar_draftEmpty') : null);
  const needsConfirmation = foreign.length > 0 && confirmed === null;

  const onInsert = async () => {
    if (tabId === null || blocked) return;
    if (needsConfirmation) {
      setConfirmed(foreign.map((link) => link.written));
      return;
    }
    setInsert({ state: 'pending' });
    try {
      const allowedUrls = allowedUrlsFor(draft, chatUrls ?? [], confirmed ?? []);
      const result = await api.request('ui->background:insert-draft', {
        tabId,
        text: draft,
        ...(allowedUrls.length > 0 ? { allowedUrls } : {}),
      });
      setInsert(
        result.ok
          ? { state: 'done', ok: true, message: t('sidebar_inserted') }
          : { state: 'done', ok: false, message: result.error ?? t('sidebar_insertFailed') },
      );
    } catch (cause) {
      const error = toUserFacingError(cause);
      setInsert({ state: 'done', ok: false, message: errorLine(error) });
    }
  };

  const anyway = foreign.length > 0 && confirmed !== null;
  const number = index + 1;
  const insertLabel = insert.state === 'pending' ? t('sidebar_inserting') : anyway ? t('sidebar_insertAnyway') : t('sidebar_insert');
  const insertAriaLabel =
    insert.state === 'pending'
      ? t('sidebar_insertingSuggestionLabel', number)
      : anyway
        ? t('sidebar_insertAnywaySuggestionLabel', number)
        : t('sidebar_insertSuggestionLabel', number);

  return (
    <li class="suggestion" data-testid="suggestion">
      {editing ? (
        <textarea
          class="suggestion-editor"
          data-testid="suggestion-editor"
          aria-label={t('sidebar_editSuggestionLabel', number)}
          value={draft}
          maxLength={MAX_DRAFT_LENGTH}
          rows={Math.min(8, Math.max(2, draft.split('\n').length))}
          onInput={(event) => setEdited(event.currentTarget.value)}
        />
      ) : (
        <p class="suggestion-text" data-testid="suggestion-text">
          <SafeMarkdown text={draft} verbatim />
        </p>
      )}
      {foreign.length > 0 ? <DraftWarning links={foreign} armed={confirmed !== null} /> : null}
      <div class="suggestion-actions">
        <button
          type="button"
          class={foreign.length === 0 ? 'button button-primary' : confirmed === null ? 'button' : 'button button-danger'}
          data-testid="suggestion-insert"
          data-confirm={foreign.length > 0 ? (confirmed === null ? 'needed' : 'armed') : undefined}
          aria-label={insertAriaLabel}
          title={blocked ?? t('sidebar_insertTitle')}
          disabled={blocked !== null || tabId === null || insert.state === 'pending'}
          onClick={onInsert}
        >
          {insertLabel}
        </button>
        <button
          type="button"
          class="button button-quiet"
          data-testid="suggestion-edit"
          aria-pressed={editing}
          disabled={streaming}
          onClick={() => setEditing((open) => !open)}
        >
          {editing ? t('sidebar_editDone') : t('sidebar_edit')}
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
