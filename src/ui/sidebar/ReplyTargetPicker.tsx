import type { ReplyTarget } from '../../shared/protocol';
import { t } from '../i18n';

interface Props {
  targets: readonly ReplyTarget[];
  /** The chosen message's id, or '' for the chat as a whole. */
  value: string;
  onChange(messageId: string): void;
  disabled?: boolean;
}

/** How a message is named in the list: who wrote it, when, and how it starts (text only). */
function describe(target: ReplyTarget): string {
  const time = target.timestamp ? ` (${target.timestamp.slice(11, 16)})` : '';
  return `${target.sender ?? t('sidebar_replyTargetSomeone')}${time}: ${target.text}`;
}

/**
 * Which message the suggested replies answer: the chat as a whole (its latest messages), or one recent
 * message from others. A native select: reachable and operable with the keyboard, announced with its label.
 */
export function ReplyTargetPicker({ targets, value, onChange, disabled }: Props) {
  const known = value === '' || targets.some((target) => target.id === value);
  return (
    <label class="reply-target-label">
      {t('sidebar_replyTo')}{' '}
      <select
        class="reply-target"
        data-testid="reply-target"
        value={known ? value : ''}
        disabled={disabled}
        onChange={(event) => onChange(event.currentTarget.value)}
      >
        <option value="">{t('sidebar_replyToLatest')}</option>
        {[...targets].reverse().map((target) => (
          <option key={target.id} value={target.id}>
            {describe(target)}
          </option>
        ))}
      </select>
    </label>
  );
}
