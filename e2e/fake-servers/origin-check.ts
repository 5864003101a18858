/**
 * Ollama's origin allow-list (gin-contrib/cors with OLLAMA_ORIGINS plus built-in defaults), reproduced
 * so tests can check what a user must configure. Browser extensions are not among the defaults.
 */
const OLLAMA_DEFAULT_ORIGINS = [
  'http://localhost', 'https://localhost', 'http://localhost:*', 'https://localhost:*',
  'http://127.0.0.1', 'https://127.0.0.1', 'http://127.0.0.1:*', 'https://127.0.0.1:*',
  'http://0.0.0.0', 'https://0.0.0.0', 'http://0.0.0.0:*', 'https://0.0.0.0:*',
  'app://*', 'file://*', 'tauri://*', 'vscode-webview://*', 'vscode-file://*',
];

export function isOriginAllowedByOllama(origin: string, configured: readonly string[]): boolean {
  return [...configured, ...OLLAMA_DEFAULT_ORIGINS].some((pattern) => matchesPattern(origin, pattern.trim()));
}

/** One `*` per entry, matching any run of characters, as gin-contrib/cors allows. */
function matchesPattern(origin: string, pattern: string): boolean {
  const star = pattern.indexOf('*');
  if (star === -1) return origin === pattern;
  const prefix = pattern.slice(0, star);
  const suffix = pattern.slice(star + 1);
  return origin.length >= prefix.length + suffix.length && origin.startsWith(prefix) && origin.endsWith(suffix);
}
