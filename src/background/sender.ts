/**
 * Who may talk to the background. Every privileged handler runs only after one of these checks:
 * a message must come from this extension, and from the kind of context allowed to send it.
 */
export interface SenderInfo {
  id?: string;
  url?: string;
  tab?: { id?: number; url?: string };
  frameId?: number;
}

export interface ExtensionIdentity {
  id: string;
  /** e.g. chrome-extension://<id>, without a trailing slash. */
  origin: string;
}

/**
 * An extension page (sidebar, popup, options), shown in a panel or opened as a tab. Compared as a
 * string prefix because `URL.origin` of extension schemes differs between runtimes ("null" in some).
 */
export function isExtensionPage(sender: SenderInfo, extension: ExtensionIdentity): boolean {
  return (
    sender.id === extension.id &&
    typeof sender.url === 'string' &&
    sender.url.startsWith(`${extension.origin}/`)
  );
}
