/** What the options page needs from the browser besides the background. */
export interface OptionsHost {
  /**
   * Asks for host access to one origin (`permissions.request`). Must call the browser synchronously,
   * as it only works inside a user gesture. Resolves false when refused or unavailable.
   */
  requestOrigin(origin: string): Promise<boolean>;
  /** This extension's origin, e.g. `chrome-extension://abc…`, without a trailing slash. */
  extensionOrigin: string;
  copyText(text: string): Promise<void>;
  newId(): string;
}

/** The origin pattern `permissions.request` takes for one origin. */
export function originPattern(origin: string): string {
  return `${origin}/*`;
}

/** `runtime.getURL('')` without its trailing slash. */
export function extensionOriginFrom(rootUrl: string): string {
  return rootUrl.replace(/\/+$/, '');
}
