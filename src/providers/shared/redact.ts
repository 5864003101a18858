/**
 * Provider error messages are shown to the user and may be logged. Some servers echo the key they
 * rejected ("Incorrect API key provided: sk-…"), so the configured key and anything shaped like a
 * secret are masked before a message leaves the provider layer.
 */
const SECRET_SHAPES = [
  /\b(?:sk|rk|pk)-[A-Za-z0-9_-]{8,}/g,
  /\bBearer\s+[A-Za-z0-9._~+/=-]{8,}/gi,
  /\bAIza[A-Za-z0-9_-]{20,}/g,
];

const MAX_MESSAGE_LENGTH = 300;

export function redactSecrets(text: string, apiKey?: string): string {
  let redacted = text;
  const key = apiKey?.trim();
  if (key && key.length >= 4) redacted = redacted.split(key).join('[redacted]');
  for (const shape of SECRET_SHAPES) redacted = redacted.replace(shape, '[redacted]');
  return redacted;
}

/** A provider's message made safe and short enough for one line of UI. */
export function cleanProviderMessage(text: string, apiKey?: string): string {
  const singleLine = redactSecrets(text, apiKey).replace(/\s+/g, ' ').trim();
  return singleLine.length > MAX_MESSAGE_LENGTH ? `${singleLine.slice(0, MAX_MESSAGE_LENGTH - 1)}…` : singleLine;
}
