/**
 * A stable key for the open chat, for per-chat history. Since 2026-04 the chat's JID is gone from the DOM,
 * so the header's name is all there is: two chats with the same name share a key, and renaming a chat
 * starts a new one. NFC so that the same name typed on two systems gives one key.
 */
export function chatKeyFor(site: string, title: string): string | undefined {
  const name = title.normalize('NFC').trim();
  return name ? `${site}:${name}` : undefined;
}
