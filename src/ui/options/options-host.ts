import type { BrowserCommand } from '../common/shortcuts';

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
  /** Aside's keyboard shortcuts as the browser has them now (commands.getAll); absent: none listed. */
  listCommands?: () => Promise<BrowserCommand[]>;
  /** Firefox's commands.update: remap a shortcut in the page; absent where the browser has none (Chrome). */
  updateCommand?: (name: string, shortcut: string) => Promise<void>;
  /** macOS names its modifiers differently (MacCtrl, Command). */
  mac?: boolean;
  /** Saves text as a file the user downloads; absent: the page's own Blob download. */
  download?: (filename: string, text: string) => void;
}

/** The origin pattern `permissions.request` takes for one origin. */
export function originPattern(origin: string): string {
  return `${origin}/*`;
}

/** `runtime.getURL('')` without its trailing slash. */
export function extensionOriginFrom(rootUrl: string): string {
  return rootUrl.replace(/\/+$/, '');
}
