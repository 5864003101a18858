/**
 * Error bodies differ across servers that claim OpenAI compatibility:
 *   OpenAI, Ollama /v1, vLLM     {"error":{"message","type","code"}}
 *   OpenRouter                   {"error":{"code":402,"message"}}
 *   Mistral                      {"message":"Unauthorized"} or {"detail":"…"} or
 *                                {"message":{"detail":[{"msg","loc"}]},"type":…}
 *   Ollama native, some proxies  {"error":"model 'x' not found"}
 *   Go default mux, proxies      "404 page not found", an HTML page, or nothing at all
 * This reads any of them into one shape without ever throwing.
 */
export interface ErrorBody {
  message?: string;
  /** `error.code`, else `code`, as a string ("insufficient_quota", "402"). */
  code?: string;
  /** `error.type`, else `type`. */
  type?: string;
  /** True when the body was empty or whitespace, a signal in itself (Ollama's origin rejection). */
  empty: boolean;
}

export function parseErrorBody(text: string): ErrorBody {
  const trimmed = text.trim();
  if (trimmed === '') return { empty: true };

  let json: unknown;
  try {
    json = JSON.parse(trimmed);
  } catch {
    // An HTML error page says nothing a user could act on; plain text usually does.
    return trimmed.startsWith('<') ? { empty: false } : { message: trimmed, empty: false };
  }

  if (!isRecord(json)) {
    const message = typeof json === 'string' ? json.trim() || undefined : undefined;
    return message ? { message, empty: false } : { empty: false };
  }
  const nested = json.error;
  if (isRecord(nested)) {
    return {
      message: describeValue(nested.message) ?? describeValue(json.message) ?? describeValue(json.detail),
      code: scalarToString(nested.code) ?? scalarToString(json.code),
      type: scalarToString(nested.type) ?? scalarToString(json.type),
      empty: false,
    };
  }
  return {
    message: describeValue(nested) ?? describeValue(json.message) ?? describeValue(json.detail),
    code: scalarToString(json.code),
    type: scalarToString(json.type),
    empty: false,
  };
}

/** Text from a message field that may be a string, a validation-detail list, or an object holding one. */
function describeValue(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    const parts = value.map(describeValidationItem).filter((part): part is string => part !== undefined);
    return parts.length > 0 ? parts.join('; ') : undefined;
  }
  if (isRecord(value)) {
    return describeValue(value.message) ?? describeValue(value.detail) ?? describeValue(value.msg);
  }
  return undefined;
}

/** Pydantic-style items (Mistral, vLLM): {"loc":["body","stream_options"],"msg":"Extra inputs are not permitted"}. */
function describeValidationItem(item: unknown): string | undefined {
  if (!isRecord(item)) return describeValue(item);
  const message = describeValue(item.msg) ?? describeValue(item.message);
  if (message === undefined) return undefined;
  const location = Array.isArray(item.loc) ? item.loc.filter((part) => part !== 'body').join('.') : '';
  return location ? `${location}: ${message}` : message;
}

function scalarToString(value: unknown): string | undefined {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
