import { useEffect, useState } from 'preact/hooks';
import { toUserFacingError, type UiApi } from '../../api';
import type { UserFacingError } from '../../../shared/errors';
import type { Payload } from '../../../shared/protocol';
import { DEFAULT_READ_COUNT, MAX_READ_COUNT, type PrivacySettings as Privacy } from '../../../shared/settings';
import { ErrorNotice } from '../../common/ErrorNotice';

interface Props {
  api: UiApi;
}

type ScopeKind = Privacy['readScope']['kind'];

const SCOPE_LABELS: Record<ScopeKind, string> = {
  last: 'The last messages (set how many)',
  'since-unread': 'Only the messages since the unread divider',
  selection: 'Only the messages I select in WhatsApp',
  visible: 'The messages on screen',
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
      setError({ kind: 'config', message: `Enter a whole number of messages from 1 to ${MAX_READ_COUNT}.`, retryable: false });
      return;
    }
    void save({ readScope: { kind: 'last', count: value } });
  };

  return (
    <section class="panel privacy-settings" aria-labelledby="privacy-settings-title" data-testid="privacy-settings">
      <h3 id="privacy-settings-title">Privacy</h3>
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
            Hide names, phone numbers, e-mail addresses, card numbers and IBANs from remote assistants
            <span class="muted privacy-explain">
              They are replaced by placeholders such as [PERSON_1] before a request leaves your browser, and put back in the
              answer here. The consent preview shows exactly what is sent. Local assistants get the chat as it is: it never
              leaves your machine.
            </span>
          </label>

          <fieldset class="privacy-option">
            <legend>What a task reads</legend>
            <select
              data-testid="privacy-scope"
              aria-label="What a task reads"
              value={privacy.readScope.kind}
              onChange={(event) => chooseScope((event.currentTarget as HTMLSelectElement).value as ScopeKind)}
            >
              {(Object.keys(SCOPE_LABELS) as ScopeKind[]).map((kind) => (
                <option key={kind} value={kind}>
                  {SCOPE_LABELS[kind]}
                </option>
              ))}
            </select>
            {privacy.readScope.kind === 'last' ? (
              <label>
                {' '}
                How many:{' '}
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
            <span class="muted privacy-explain">
              Only these messages go into a prompt. The sidebar can pick another scope for one run.
            </span>
          </fieldset>

          <label class="privacy-option">
            <input
              type="checkbox"
              data-testid="privacy-incognito"
              checked={privacy.incognito}
              onChange={(event) => void save({ incognito: (event.currentTarget as HTMLInputElement).checked })}
            />{' '}
            Incognito
            <span class="muted privacy-explain">
              Nothing is written to history, and the outbound-request log keeps each request without saying which chat it was
              for. Only what you choose explicitly (local only, always allow) is still remembered per chat.
            </span>
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
