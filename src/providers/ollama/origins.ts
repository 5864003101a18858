/**
 * Ollama answers 403 with an empty body to any request whose Origin it does not trust, and browser
 * extensions are not trusted by default (research notes §5). Chrome sends the extension's origin on
 * every POST, so the fix is always the same environment variable; these helpers spell it out exactly.
 */
import { wording, type WordedText } from '../../shared/wording';

/** The OLLAMA_ORIGINS value that lets this extension in; both wildcards when its origin is unknown. */
export function ollamaOriginsValue(extensionOrigin?: string): string {
  const origin = extensionOrigin?.trim().replace(/\/+$/, '');
  return origin ? origin : 'chrome-extension://*,moz-extension://*';
}

/** One or two sentences: the exact setting, and for Firefox the wildcard that survives a reinstall. */
export function ollamaOriginsHint(extensionOrigin?: string): WordedText {
  const setting = `OLLAMA_ORIGINS=${ollamaOriginsValue(extensionOrigin)}`;
  // Firefox gives every install of an add-on its own random address.
  if (extensionOrigin?.startsWith('moz-extension://')) return wording('error_ollamaOriginsFirefoxHint', setting);
  return wording('error_ollamaOriginsHint', setting);
}
