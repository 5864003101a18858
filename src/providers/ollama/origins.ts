/**
 * Ollama answers 403 with an empty body to any request whose Origin it does not trust, and browser
 * extensions are not trusted by default (research notes §5). Chrome sends the extension's origin on
 * every POST, so the fix is always the same environment variable; these helpers spell it out exactly.
 */

/** The OLLAMA_ORIGINS value that lets this extension in; both wildcards when its origin is unknown. */
export function ollamaOriginsValue(extensionOrigin?: string): string {
  const origin = extensionOrigin?.trim().replace(/\/+$/, '');
  return origin ? origin : 'chrome-extension://*,moz-extension://*';
}

/** One or two sentences: the exact setting, and for Firefox the wildcard that survives a reinstall. */
export function ollamaOriginsHint(extensionOrigin?: string): string {
  const setting = `OLLAMA_ORIGINS=${ollamaOriginsValue(extensionOrigin)}`;
  const base = `Allow the extension in Ollama: set ${setting} where Ollama runs, then restart Ollama.`;
  if (extensionOrigin?.startsWith('moz-extension://')) {
    // Firefox gives every install of an add-on its own random address.
    return `${base} Firefox gives each install its own address; OLLAMA_ORIGINS=moz-extension://* allows any.`;
  }
  return base;
}
