import { useEffect, useState } from 'preact/hooks';
import { toUserFacingError, type UiApi } from '../api';
import type { ChatPrivacy } from '../../shared/protocol';
import { t } from '../i18n';

interface Props {
  api: UiApi;
  tabId: number | null;
  /** The chat the tab shows; the choice is read again when it changes. */
  chatKey: string | undefined;
}

/**
 * "Local only" for the open chat: when on, the background refuses to send anything of this chat to a
 * remote assistant. The background reads which chat the tab shows itself, so the flag lands on that chat.
 */
export function LocalOnlyToggle({ api, tabId, chatKey }: Props) {
  const [privacy, setPrivacy] = useState<ChatPrivacy | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    setPrivacy(null);
    setProblem(null);
    if (tabId === null || !chatKey) return;
    let live = true;
    api.request('ui->background:get-chat-privacy', { tabId }).then(
      (value) => live && setPrivacy(value),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [api, tabId, chatKey]);

  if (tabId === null || !privacy || privacy.chatKey === null) return null;

  const change = async (payload: { localOnly?: boolean; revokeConsent?: true }) => {
    setBusy(true);
    setProblem(null);
    const before = privacy;
    // Shown at once; the background's answer (or the old value, on failure) replaces it.
    if (payload.localOnly !== undefined) setPrivacy({ ...before, localOnly: payload.localOnly });
    try {
      setPrivacy(await api.request('ui->background:set-chat-privacy', { tabId, ...payload }));
    } catch (cause) {
      setPrivacy(before);
      setProblem(toUserFacingError(cause).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="chat-privacy">
      <label class="local-only">
        <input
          type="checkbox"
          data-testid="chat-local-only"
          checked={privacy.localOnly}
          disabled={busy}
          onChange={(event) => void change({ localOnly: (event.currentTarget as HTMLInputElement).checked })}
        />{' '}
        {t('sidebar_localOnly')} <span class="muted">{t('sidebar_localOnlyNote')}</span>
      </label>
      {privacy.alwaysAllowed.length > 0 ? (
        <p class="muted consent-standing" data-testid="consent-standing">
          {t('sidebar_alwaysAllowed', privacy.alwaysAllowed.join(', '))}{' '}
          <button type="button" class="button button-quiet" data-testid="consent-revoke" disabled={busy} onClick={() => void change({ revokeConsent: true })}>
            {t('sidebar_consentRevoke')}
          </button>
        </p>
      ) : null}
      {problem ? <p class="muted" role="status">{problem}</p> : null}
    </div>
  );
}
