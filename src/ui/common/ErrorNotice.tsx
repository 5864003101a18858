import type { UserFacingError } from '../../shared/errors';
import { t } from '../i18n';
import { errorText } from './error-text';

interface Props {
  error: UserFacingError;
  /** Shown as a Retry button when the error is retryable. */
  onRetry?: () => void;
  testId?: string;
}

/** One failure, in words (the user's language where the error carries catalogue ids): what happened, what to do, and Retry when that may help. */
export function ErrorNotice({ error, onRetry, testId = 'error' }: Props) {
  const { message, hint } = errorText(error);
  return (
    <div class="notice notice-error" role="alert" data-testid={testId} data-kind={error.kind}>
      <p class="notice-message">{message}</p>
      {hint ? <p class="notice-hint">{hint}</p> : null}
      {error.retryable && onRetry ? (
        <button type="button" class="button" data-testid="retry" onClick={onRetry}>
          {t('common_retry')}
        </button>
      ) : null}
    </div>
  );
}
