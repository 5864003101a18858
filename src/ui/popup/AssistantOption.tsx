import type { Ref } from 'preact';
import type { AssistantView } from '../../shared/settings';
import { LocalityBadge } from '../common/LocalityBadge';
import { AssistantState } from './AssistantState';
import type { Reachability } from './reachability';

interface Props {
  assistant: AssistantView;
  reachability: Reachability;
  checked: boolean;
  focusable: boolean;
  buttonRef: Ref<HTMLButtonElement>;
  onSelect: () => void;
  onKeyDown: (event: KeyboardEvent) => void;
}

/** One assistant in the picker: a radio with name, model, where it runs, its key, and whether it answers. */
export function AssistantOption({ assistant, reachability, checked, focusable, buttonRef, onSelect, onKeyDown }: Props) {
  return (
    <button
      ref={buttonRef}
      type="button"
      role="radio"
      aria-checked={checked}
      tabIndex={focusable ? 0 : -1}
      class={`assistant-option${checked ? ' is-active' : ''}`}
      data-testid="assistant-option"
      data-assistant-id={assistant.id}
      data-active={String(checked)}
      onClick={onSelect}
      onKeyDown={onKeyDown}
    >
      <span class="radio-mark" aria-hidden="true" />
      <span class="assistant-text">
        <span class="assistant-name">{assistant.name}</span>
        <span class="assistant-model muted">{assistant.model}</span>
      </span>
      <span class="assistant-badges">
        <LocalityBadge locality={assistant.locality} />
        <AssistantState assistant={assistant} reachability={reachability} />
      </span>
      {reachability.state === 'unreachable' ? (
        <span class="assistant-problem" data-testid="assistant-problem">
          {reachability.reason}
        </span>
      ) : null}
    </button>
  );
}
