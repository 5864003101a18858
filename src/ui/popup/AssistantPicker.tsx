import { useRef } from 'preact/hooks';
import type { AssistantView } from '../../shared/settings';
import { AssistantOption } from './AssistantOption';
import type { Reachability } from './reachability';
import { t } from '../i18n';

interface Props {
  assistants: AssistantView[];
  activeId: string | null;
  reachabilityOf: (assistant: AssistantView) => Reachability;
  onSelect: (id: string) => void;
}

const NEXT_KEYS = new Set(['ArrowDown', 'ArrowRight']);
const PREVIOUS_KEYS = new Set(['ArrowUp', 'ArrowLeft']);

/** A radio group of the configured assistants; arrow keys move and select, as radios do. */
export function AssistantPicker({ assistants, activeId, reachabilityOf, onSelect }: Props) {
  const buttons = useRef<Array<HTMLButtonElement | null>>([]);
  const checkedIndex = assistants.findIndex((assistant) => assistant.id === activeId);
  const focusIndex = checkedIndex >= 0 ? checkedIndex : 0;

  const move = (from: number, step: number) => {
    const count = assistants.length;
    if (count === 0) return;
    const to = (from + step + count) % count;
    const target = assistants[to];
    if (!target) return;
    buttons.current[to]?.focus();
    onSelect(target.id);
  };

  return (
    <div class="assistant-picker" role="radiogroup" aria-label={t('popup_pickerLabel')} data-testid="assistant-picker">
      {assistants.map((assistant, index) => (
        <AssistantOption
          key={assistant.id}
          assistant={assistant}
          reachability={reachabilityOf(assistant)}
          checked={assistant.id === activeId}
          focusable={index === focusIndex}
          buttonRef={(element) => {
            buttons.current[index] = element;
          }}
          onSelect={() => onSelect(assistant.id)}
          onKeyDown={(event) => {
            if (NEXT_KEYS.has(event.key)) {
              event.preventDefault();
              move(index, 1);
            } else if (PREVIOUS_KEYS.has(event.key)) {
              event.preventDefault();
              move(index, -1);
            }
          }}
        />
      ))}
    </div>
  );
}
