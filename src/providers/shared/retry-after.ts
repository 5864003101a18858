/**
 * How long a server asks us to wait, from the headers OpenAI's own SDK honours, most precise first:
 * `retry-after-ms` (milliseconds), then `retry-after` as seconds or as an HTTP date.
 * Returns undefined when no usable hint is present.
 */
export function parseRetryAfterMs(headers: Headers, now: number = Date.now()): number | undefined {
  const milliseconds = parseNonNegativeNumber(headers.get('retry-after-ms'));
  if (milliseconds !== undefined) return Math.round(milliseconds);

  const retryAfter = headers.get('retry-after')?.trim();
  if (!retryAfter) return undefined;
  const seconds = parseNonNegativeNumber(retryAfter);
  if (seconds !== undefined) return Math.round(seconds * 1000);

  // Date.parse reads bare numbers such as "-3" as years; an HTTP date always names a day and month.
  if (!/[a-z]/i.test(retryAfter)) return undefined;
  const date = Date.parse(retryAfter);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

function parseNonNegativeNumber(value: string | null): number | undefined {
  if (value === null || !/^\s*\d+(\.\d+)?\s*$/.test(value)) return undefined;
  const number = Number(value);
  return Number.isFinite(number) ? number : undefined;
}
