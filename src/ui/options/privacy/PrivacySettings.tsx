import { useEffect, useState } from 'preact/hooks';
import { toUserFacingError, type UiApi } from '../../api';
import type { UserFacingError } from '../../../shared/errors';
import type { Payload } from '../../../shared/protocol';
import { DEFAULT_READ_COUNT, MAX_READ_COUNT, type PrivacySettings as Privacy } from '../../../shared/settings';
import { ErrorNotice } from '../../common/ErrorNotice';
import { i18nKey, t, type MessageKey } from '../../i18n';

interface Props {
  api: UiApi;
}

type ScopeKind = Privacy['readScope']['kind'];

const SCOPE_LABELS: Record<ScopeKind, MessageKey> = {
  last: i18nKey('optionsPrivacy_scopeLast'),
  'since-unread': i18nKey('optionsPrivacy_scopeSinceUnread'),
  selection: i18nKey('optionsPrivacy_scopeSelection'),
  visible: i18nKey('optionsPrivacy_scopeVisible'),
};

/**
 * Options → Privacy: pseudonymisation, what a task reads by default (minimisation), and incognito.
 * Each control saves at once; the background's answer is what the controls show.
 */
export function PrivacySettings({ api }: Props) {
  const [privacy, setPrivacy] = useState<Privacy | null>(null);
  const [error, setError] = useState<UserFacingError | null>(null);
  const [count, setCount] = useState(String(DEFAULT_READ_COUNT));

  useEffect(() => {
    let live = true;
    api.request('ui->background:get-privacy-settings', {}).then(
      (value) => {
        if (!live) return;
        setPrivacy(value);
        if (value.readScope.kind === 'last') setCount(String(value.readScope.count));
      },
      (cause) => live && setError(toUserFacingError(cause)),
    );
    return () => {
      live = false;
    };
  }, [api]);

  const save = async (change: Payload<'ui->background:set-privacy-settings'>) => {
    setError(null);
    try {
      setPrivacy(await api.request('ui->background:set-privacy-settings', change));
    } catch (cause) {
      setError(toUserFacingError(cause));
    }
  };

  const chooseScope = (kind: ScopeKind) => {
    if (kind === 'last') void save({ readScope: { kind, count: validCount(count) ?? DEFAULT_READ_COUNT } });
    else void save({ readScope: { kind } });
  };

  const commitCount = () => {
    const value = validCount(count);
    if (value === null) {
      setError({ kind: 'config', message: t('optionsPrivacy_countInvalid', MAX_READ_COUNT), retryable: false });
      return;
    }
    void save({ readScope: { kind: 'last', count: value } });
  };

  return (
    <section class="panel privacy-settings" aria-labelledby="privacy-settings-title" data-testid="privacy-settings">
      <h3 id="privacy-settings-title">{t('optionsPrivacy_title')}</h3>
      {error ? <ErrorNotice error={error} testId="privacy-error" /> : null}
      {privacy ? (
        <>
          <label class="privacy-option">
            <input
              type="checkbox"
              data-testid="privacy-pseudonymise"
              checked={privacy.pseudonymise}
              onChange={(event) => void save({ pseudonymise: (event.currentTarget as HTMLInputElement).checked })}
            />{' '}
            {t('optionsPrivacy_pseudonymise')}
            <span class="muted privacy-explain">{t('optionsPrivacy_pseudonymiseExplain')}</span>
          </label>

          <fieldset class="privacy-option">
            <legend>{t('optionsPrivacy_scopeLegend')}</legend>
            <select
              data-testid="privacy-scope"
              aria-label={t('optionsPrivacy_scopeLegend')}
              value={privacy.readScope.kind}
              onChange={(event) => chooseScope((event.currentTarget as HTMLSelectElement).value as ScopeKind)}
            >
              {(Object.keys(SCOPE_LABELS) as ScopeKind[]).map((kind) => (
                <option key={kind} value={kind}>
                  {t(SCOPE_LABELS[kind])}
                </option>
              ))}
            </select>
            {privacy.readScope.kind === 'last' ? (
              <label>
                {' '}
                {t('optionsPrivacy_countLabel')}{' '}
                <input
                  type="number"
                  min={1}
                  max={MAX_READ_COUNT}
                  step={1}
                  data-testid="privacy-scope-count"
                  value={count}
                  onInput={(event) => setCount((event.currentTarget as HTMLInputElement).value)}
                  onChange={commitCount}
                />
              </label>
            ) : null}
            <span class="muted privacy-explain">{t('optionsPrivacy_scopeExplain')}</span>
          </fieldset>

          <label class="privacy-option">
            <input
              type="checkbox"
              data-testid="privacy-incognito"
              checked={privacy.incognito}
              onChange={(event) => void save({ incognito: (event.currentTarget as HTMLInputElement).checked })}
            />{' '}
            {t('optionsPrivacy_incognito')}
            <span class="muted privacy-explain">{t('optionsPrivacy_incognitoExplain')}</span>
          </label>
        </>
      ) : null}
    </section>
  );
}

function validCount(text: string): number | null {
  const value = Number(text);
  return Number.isInteger(value) && value >= 1 && value <= MAX_READ_COUNT ? value : null;
}
