/**
 * The language the user reads, by its English name ("German", "Brazilian Portuguese"), from the browser's
 * language. A name, not a code: models follow "German" more reliably than "de-DE".
 */
import { MAX_TARGET_LANGUAGE_LENGTH } from '../../shared/stream-protocol';

export function readerLanguage(locale: string | undefined = globalThis.navigator?.language): string {
  const tag = locale?.trim() || 'en';
  const names = displayNames();
  const full = nameOf(names, tag);
  if (full && full.length <= MAX_TARGET_LANGUAGE_LENGTH) return full;
  const base = nameOf(names, tag.split('-')[0] ?? 'en');
  return base && base.length <= MAX_TARGET_LANGUAGE_LENGTH ? base : 'English';
}

function displayNames(): Intl.DisplayNames | null {
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' });
  } catch {
    return null;
  }
}

function nameOf(names: Intl.DisplayNames | null, tag: string): string | null {
  try {
    const name = names?.of(tag);
    // DisplayNames echoes an unknown code back; a code is not a name.
    return name && name.toLowerCase() !== tag.toLowerCase() ? name : null;
  } catch {
    return null;
  }
}
