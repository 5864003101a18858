/** The messenger origins Aside's content script runs on; kept in step with the manifest's matches. */
const SUPPORTED_ORIGINS = ['https://web.whatsapp.com'];

export function isSupportedMessengerUrl(url: string | null | undefined): boolean {
  if (!url) return false;
  try {
    return SUPPORTED_ORIGINS.includes(new URL(url).origin);
  } catch {
    return false;
  }
}
