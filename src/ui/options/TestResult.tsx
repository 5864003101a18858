import type { UserFacingError } from '../../shared/errors';
import { t } from '../i18n';
import { errorText, translated } from '../common/error-text';
import type { Wording } from '../../shared/wording';

export type TestOutcome = { ok: true; detail: string; detailWording?: Wording } | { ok: false; error: UserFacingError };

/** What testing the saved assistant found. */
export function TestResult({ outcome }: { outcome: TestOutcome }) {
  if (outcome.ok) {
    return (
      <div class="notice notice-ok" role="status" data-testid="test-result" data-ok="true">
        <p>{t('options_testWorks')}</p>
        {outcome.detail ? <p class="muted">{translated(outcome.detailWording, outcome.detail)}</p> : null}
      </div>
    );
  }
  const { message, hint } = errorText(outcome.error);
  return (
    <div class="notice notice-error" role="alert" data-testid="test-result" data-ok="false" data-kind={outcome.error.kind}>
      <p class="notice-message">{message}</p>
      {hint ? <p class="notice-hint">{hint}</p> : null}
    </div>
  );
}
