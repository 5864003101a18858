import type { ComponentChildren } from 'preact';
import { t } from '../i18n';

export interface SectionSpec {
  id: string;
  title: string;
}

interface Props extends SectionSpec {
  description?: string;
  children: ComponentChildren;
}

/**
 * One top-level part of the options page: a landmark (a labelled region) with its h2, reachable
 * from the section list. tabIndex -1 lets the list move keyboard focus into it, not just scroll.
 */
export function OptionsSection({ id, title, description, children }: Props) {
  return (
    <section id={id} class="options-section" aria-labelledby={`${id}-heading`} tabIndex={-1} data-testid={`options-section-${id}`}>
      <h2 id={`${id}-heading`} class="options-section-title">
        {title}
      </h2>
      {description ? <p class="muted">{description}</p> : null}
      {children}
    </section>
  );
}

interface NavProps {
  sections: SectionSpec[];
}

/** The options page's table of contents: a navigation landmark of in-page links. */
export function SectionNav({ sections }: NavProps) {
  const go = (event: MouseEvent, id: string) => {
    const target = document.getElementById(id);
    if (!target) return;
    event.preventDefault();
    target.scrollIntoView({ block: 'start' });
    target.focus({ preventScroll: true });
    history.replaceState(null, '', `#${id}`);
  };
  return (
    <nav class="options-nav" aria-label={t('options_navLabel')} data-testid="options-nav">
      <ul>
        {sections.map((section) => (
          <li key={section.id}>
            <a href={`#${section.id}`} onClick={(event) => go(event, section.id)}>
              {section.title}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
