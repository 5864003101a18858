/**
 * Numbers, dates and language names in the interface's language, so a German interface says "1.234" and
 * "Deutsch", not "1,234" and "German". The language is the one installBrowserMessages wrote on the
 * document (the browser's interface language); before that, the browser's own.
 */

export function uiLanguage(): string {
  return globalThis.document?.documentElement.lang || globalThis.navigator?.language || 'en';
}

// toLocaleString builds a new formatter on every call (a fraction of a millisecond each); counts are
// formatted on every render, including each frame of a streaming answer, so one formatter per language.
const numberFormats = new Map<string, Intl.NumberFormat>();

export function formatNumber(value: number): string {
  const language = uiLanguage();
  let format = numberFormats.get(language);
  if (!format) {
    try {
      format = new Intl.NumberFormat(language);
    } catch {
      // An unusable language tag: the browser's default format still reads as a number.
      format = new Intl.NumberFormat();
    }
    numberFormats.set(language, format);
  }
  return format.format(value);
}

export function formatDateTime(time: number | Date): string {
  const date = new Date(time);
  try {
    return date.toLocaleString(uiLanguage());
  } catch {
    return date.toLocaleString();
  }
}

/** A language tag ("de-DE") named in the interface's language ("Deutsch (Deutschland)"); null if unknown. */
export function languageName(tag: string): string | null {
  try {
    const name = new Intl.DisplayNames([uiLanguage(), 'en'], { type: 'language' }).of(tag);
    // DisplayNames echoes an unknown code back; a code is not a name.
    return name && name.toLowerCase() !== tag.toLowerCase() ? name : null;
  } catch {
    return null;
  }
}
