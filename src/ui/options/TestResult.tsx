import type { UserFacingError } from '../../shared/errors';
import { t } from '../i18n';

export type TestOutcome = { ok: true; detail: string } | { ok: false; error: UserFacingError };

/** What testing the saved assistant found. */
export function TestResult({ outcome }: { outcome: TestOutcome }) {
  if (outcome.ok) {
    return (
      <div class="notice notice-ok" role="status" data-testid="test-result" data-ok="true">
        <p>{t('options_testWorks')}</p>
        {outcome.detail ? <p class="muted">{outcome.detail}</p> : null}
      </div>
    );
  }
  return (
    <div class="notice notice-error" role="alert" data-testid="test-result" data-ok="false" data-kind={outcome.error.kind}>
      <p class="notice-message">{outcome.error.message}</p>
      {outcome.error.hint ? <p class="notice-hint">{outcome.error.hint}</p> : null}
    </div>
  );
}
