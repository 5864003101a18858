/** How a chat key ("whatsapp:Ana") reads to the user: the chat's name, and where it lives. */
const SITE_NAMES: Record<string, string> = { whatsapp: 'WhatsApp' };

export function chatLabel(chatKey: string): { name: string; site: string } {
  const colon = chatKey.indexOf(':');
  if (colon <= 0) return { name: chatKey, site: '' };
  const site = chatKey.slice(0, colon);
  return { name: chatKey.slice(colon + 1) || chatKey, site: SITE_NAMES[site] ?? site };
}

export function chatLabelText(chatKey: string): string {
  const { name, site } = chatLabel(chatKey);
  return site ? `${name} (${site})` : name;
}
