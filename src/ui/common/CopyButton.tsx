import { useState } from 'preact/hooks';
import { t } from '../i18n';

interface Props {
  text: string;
  copy: (text: string) => Promise<void>;
  label?: string;
  testId?: string;
}

/** Copies a fixed string and says whether it worked. */
export function CopyButton({ text, copy, label = t('common_copy'), testId }: Props) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const onClick = async () => {
    try {
      await copy(text);
      setState('copied');
    } catch {
      setState('failed');
    }
  };
  return (
    <button type="button" class="button" data-testid={testId} onClick={onClick} aria-live="polite">
      {state === 'copied' ? t('common_copied') : state === 'failed' ? t('common_copyFailed') : label}
    </button>
  );
}
