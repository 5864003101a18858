/** Error responses shaped like OpenAI's (research notes §1, §4), for the statuses tests ask for. */
export interface ErrorResponse {
  status: number;
  body: unknown;
  headers: Record<string, string>;
}

export function defaultErrorResponse(status: number, model: string): ErrorResponse {
  const error = (message: string, type: string, code: string | number | null, param: string | null = null) => ({
    error: { message, type, param, code },
  });
  switch (status) {
    case 400:
      return { status, headers: {}, body: error('Invalid request.', 'invalid_request_error', null) };
    case 401:
      return { status, headers: {}, body: error('Incorrect API key provided.', 'invalid_request_error', 'invalid_api_key') };
    case 402:
      return { status, headers: {}, body: { error: { code: 402, message: 'Insufficient credits. Add more using https://openrouter.ai/credits' } } };
    case 403:
      return { status, headers: {}, body: error('You are not allowed to use this model.', 'invalid_request_error', 'model_not_allowed') };
    case 404:
      return {
        status,
        headers: {},
        body: error(`The model \`${model}\` does not exist or you do not have access to it.`, 'invalid_request_error', 'model_not_found'),
      };
    case 429:
      return {
        status,
        headers: {
          'retry-after': '1',
          'x-ratelimit-limit-requests': '60',
          'x-ratelimit-remaining-requests': '0',
          'x-ratelimit-reset-requests': '1s',
        },
        body: error(`Rate limit reached for ${model} on requests per min (RPM): Limit 60, Used 60, Requested 1. Please try again in 1s.`, 'requests', 'rate_limit_exceeded'),
      };
    case 503:
      return { status, headers: {}, body: error('The engine is currently overloaded, please try again later', 'server_error', null) };
    default:
      return status >= 500
        ? { status, headers: {}, body: error('The server had an error while processing your request. Sorry about that!', 'server_error', null) }
        : { status, headers: {}, body: error(`Request failed with status ${status}.`, 'invalid_request_error', null) };
  }
}

export function insufficientQuotaResponse(): ErrorResponse {
  return {
    status: 429,
    headers: {},
    body: {
      error: {
        message: 'You exceeded your current quota, please check your plan and billing details.',
        type: 'insufficient_quota',
        param: null,
        code: 'insufficient_quota',
      },
    },
  };
}

export function contextTooLongResponse(promptTokens: number): ErrorResponse {
  const limit = 4096;
  return {
    status: 400,
    headers: {},
    body: {
      error: {
        message: `This model's maximum context length is ${limit} tokens. However, your messages resulted in ${Math.max(promptTokens, limit + 1)} tokens. Please reduce the length of the messages.`,
        type: 'invalid_request_error',
        param: 'messages',
        code: 'context_length_exceeded',
      },
    },
  };
}

export function invalidApiKeyResponse(presented: string | undefined): ErrorResponse {
  const message = presented
    ? `Incorrect API key provided: ${maskKey(presented)}. You can find your API key at https://platform.openai.com/account/api-keys.`
    : "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).";
  return {
    status: 401,
    headers: {},
    body: { error: { message, type: 'invalid_request_error', param: null, code: presented ? 'invalid_api_key' : null } },
  };
}

function maskKey(key: string): string {
  return key.length <= 8 ? '***' : `${key.slice(0, 3)}***${key.slice(-4)}`;
}
