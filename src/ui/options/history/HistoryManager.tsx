import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { toUserFacingError, type UiApi } from '../../api';
import type { HistoryChatSummary, HistoryEntry } from '../../../shared/protocol';
import type { UserFacingError } from '../../../shared/errors';
import { ErrorNotice } from '../../common/ErrorNotice';
import { formatNumber } from '../../common/locale-format';
import { t } from '../../i18n';
import { chatLabelText } from './chat-label';
import { ConfirmDelete } from './ConfirmDelete';
import { HistoryEntryItem } from './HistoryEntryItem';
import { historyFile, historyFileName } from './history-file';

interface Props {
  api: UiApi;
  /** Saves the export as a file (the page's own download; nothing leaves the browser). */
  download: (filename: string, text: string) => void;
  now?: () => Date;
}

type Pending = { scope: 'entry'; id: number } | { scope: 'chat'; chatKey: string } | { scope: 'all' };

/** "1 result" / "12 results" in the interface's language (the browser's i18n has no plural rules). */
const results = (count: number) => (count === 1 ? t('optionsHistory_resultsOne') : t('optionsHistory_resultsOther', formatNumber(count)));
const chatCount = (count: number) => (count === 1 ? t('optionsHistory_chatsOne') : t('optionsHistory_chatsOther', formatNumber(count)));

/**
 * Options → Data → History: what Aside kept of past results, per chat; search over their text; export
 * as JSON; delete one result, one chat, or everything, each after a confirmation.
 */
export function HistoryManager({ api, download, now = () => new Date() }: Props) {
  const [chats, setChats] = useState<HistoryChatSummary[] | null>(null);
  const [chatKey, setChatKey] = useState('');
  const [query, setQuery] = useState('');
  const [entries, setEntries] = useState<HistoryEntry[] | null>(null);
  const [truncated, setTruncated] = useState(false);
  const [pending, setPending] = useState<Pending | null>(null);
  const [error, setError] = useState<UserFacingError | null>(null);
  const [status, setStatus] = useState('');
  const generation = useRef(0);

  const load = useCallback(async () => {
    const mine = ++generation.current;
    try {
      const search = { ...(chatKey ? { chatKey } : {}), ...(query.trim() ? { query: query.trim() } : {}) };
      const [list, found] = await Promise.all([
        api.request('ui->background:list-history-chats', {}),
        api.request('ui->background:search-history', search),
      ]);
      if (mine !== generation.current) return;
      setChats(list.chats);
      setEntries(found.entries);
      setTruncated(found.truncated);
      setError(null);
    } catch (cause) {
      if (mine === generation.current) setError(toUserFacingError(cause));
    }
  }, [api, chatKey, query]);

  useEffect(() => {
    void load();
  }, [load]);

  // A chat that no longer has results (deleted) is no filter anymore.
  useEffect(() => {
    if (chats && chatKey && !chats.some((chat) => chat.chatKey === chatKey)) setChatKey('');
  }, [chats, chatKey]);

  const total = chats?.reduce((sum, chat) => sum + chat.count, 0) ?? 0;
  const selectedChat = chats?.find((chat) => chat.chatKey === chatKey);

  const confirmDelete = async () => {
    if (!pending) return;
    const request = pending;
    setPending(null);
    setStatus('');
    try {
      const { deleted } = await api.request('ui->background:delete-history', request);
      setStatus(deleted === 0 ? t('optionsHistory_alreadyGone') : t('optionsHistory_deleted', results(deleted)));
    } catch (cause) {
      setError(toUserFacingError(cause));
    }
    await load();
  };

  const exportAll = async () => {
    setStatus('');
    try {
      const { entries: all } = await api.request('ui->background:export-history', {});
      const at = now();
      download(historyFileName(at), `${JSON.stringify(historyFile(all, at), null, 2)}\n`);
      setStatus(t('optionsHistory_exported', results(all.length), historyFileName(at)));
    } catch (cause) {
      setError(toUserFacingError(cause));
    }
  };

  const question = (request: Pending): string => {
    if (request.scope === 'all') return t('optionsHistory_deleteAllQuestion', results(total));
    if (request.scope === 'chat') return t('optionsHistory_deleteChatQuestion', results(selectedChat?.count ?? 0), chatLabelText(request.chatKey));
    return t('optionsHistory_deleteOneQuestion');
  };

  return (
    <section class="panel history-manager" aria-labelledby="history-title" data-testid="history-manager">
      <h3 id="history-title">{t('optionsHistory_title')}</h3>
      <p class="muted">{t('optionsHistory_intro', results(total), chatCount(chats?.length ?? 0))}</p>

      <div class="history-toolbar" role="search">
        <div class="field">
          <label for="history-search">{t('optionsHistory_searchLabel')}</label>
          <input
            id="history-search"
            type="search"
            data-testid="history-search"
            value={query}
            maxLength={200}
            placeholder={t('optionsHistory_searchPlaceholder')}
            onInput={(event) => setQuery(event.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for="history-chat">{t('optionsHistory_chatLabel')}</label>
          <select id="history-chat" data-testid="history-chat-filter" value={chatKey} onChange={(event) => setChatKey(event.currentTarget.value)}>
            <option value="">{t('optionsHistory_allChats')}</option>
            {(chats ?? []).map((chat) => (
              <option key={chat.chatKey} value={chat.chatKey}>
                {t('optionsHistory_chatOption', chatLabelText(chat.chatKey), results(chat.count))}
              </option>
            ))}
          </select>
        </div>
      </div>

      <div class="form-actions">
        <button type="button" class="button" data-testid="history-export" onClick={() => void exportAll()} disabled={total === 0}>
          {t('optionsHistory_export')}
        </button>
        {selectedChat ? (
          <button
            type="button"
            class="button button-danger"
            data-testid="history-delete-chat"
            onClick={() => setPending({ scope: 'chat', chatKey: selectedChat.chatKey })}
          >
            {t('optionsHistory_deleteChat')}
          </button>
        ) : null}
        <button type="button" class="button button-danger" data-testid="history-delete-all" onClick={() => setPending({ scope: 'all' })} disabled={total === 0}>
          {t('optionsHistory_deleteAll')}
        </button>
      </div>
      {pending && pending.scope !== 'entry' ? (
        <ConfirmDelete question={question(pending)} onConfirm={() => void confirmDelete()} onCancel={() => setPending(null)} />
      ) : null}

      <p class="history-status" role="status" data-testid="history-status">
        {status}
      </p>
      {error ? <ErrorNotice error={error} onRetry={() => void load()} testId="history-error" /> : null}

      {entries === null ? (
        <p class="muted">{t('optionsHistory_loading')}</p>
      ) : entries.length === 0 ? (
        <p class="muted" data-testid="history-empty">
          {total === 0 ? t('optionsHistory_empty') : t('optionsHistory_noMatch')}
        </p>
      ) : (
        <>
          <ul class="history-items" aria-label={t('optionsHistory_resultsLabel')}>
            {entries.map((entry) => (
              <HistoryEntryItem
                key={entry.id}
                entry={entry}
                confirming={pending?.scope === 'entry' && pending.id === entry.id}
                onAskDelete={() => entry.id !== undefined && setPending({ scope: 'entry', id: entry.id })}
                onConfirmDelete={() => void confirmDelete()}
                onCancelDelete={() => setPending(null)}
              />
            ))}
          </ul>
          {truncated ? <p class="muted">{t('optionsHistory_truncated', formatNumber(entries.length))}</p> : null}
        </>
      )}
    </section>
  );
}
