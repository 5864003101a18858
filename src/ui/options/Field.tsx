import type { ComponentChildren } from 'preact';

interface Props {
  id: string;
  label: string;
  error?: string | undefined;
  help?: ComponentChildren;
  children: ComponentChildren;
}

/** A label, its control, and the control's help and error text. */
export function Field({ id, label, error, help, children }: Props) {
  return (
    <div class={`field${error ? ' has-error' : ''}`}>
      <label for={id}>{label}</label>
      {children}
      {help ? (
        <p class="field-help muted" id={`${id}-help`}>
          {help}
        </p>
      ) : null}
      {error ? (
        <p class="field-error" id={`${id}-error`} data-testid="field-error" data-field={id}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** The aria attributes a control inside a Field carries. */
export function describedBy(id: string, error: string | undefined, hasHelp = false) {
  const ids = [hasHelp ? `${id}-help` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return { 'aria-invalid': error ? true : undefined, 'aria-describedby': ids || undefined };
}
