import { ApiError } from './api-error.ts';
import { isErrorBody, type Parser } from './shapes.ts';

const NETWORK_MESSAGE = 'Sunlog could not reach its server. Check your connection and try again.';
const UNEXPECTED_MESSAGE = 'Something went wrong on our side. Please try again in a moment.';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

async function send(method: Method, path: string, body?: unknown): Promise<Response> {
  const init: RequestInit = {
    method,
    // The session cookie is HttpOnly and same-origin; the server's CSRF check relies on Fetch Metadata.
    credentials: 'same-origin',
    headers: { Accept: 'application/json' },
  };
  if (body !== undefined) {
    init.headers = { Accept: 'application/json', 'Content-Type': 'application/json' };
    init.body = JSON.stringify(body);
  }
  let response: Response;
  try {
    response = await fetch(`/api/v1${path}`, init);
  } catch {
    throw new ApiError(0, 'network', NETWORK_MESSAGE);
  }
  if (!response.ok) throw await toApiError(response);
  return response;
}

async function toApiError(response: Response): Promise<ApiError> {
  const body: unknown = await response.json().catch(() => null);
  if (!isErrorBody(body)) return new ApiError(response.status, 'unexpected-response', UNEXPECTED_MESSAGE);
  const { code, message, fields } = body.error;
  return new ApiError(response.status, code, message, fields ?? []);
}

/**
 * Sends a request and parses the JSON answer with `schema` (a zod schema, or a hand-written check from
 * shapes.ts on Today's path), so a contract drift fails loudly here.
 */
export async function requestJson<T>(
  method: Method,
  path: string,
  schema: Parser<T>,
  body?: unknown,
): Promise<T> {
  const response = await send(method, path, body);
  const parsed = schema.safeParse(await response.json().catch(() => null));
  if (!parsed.success) throw new ApiError(response.status, 'unexpected-response', UNEXPECTED_MESSAGE);
  return parsed.data;
}

/** Sends a request whose success answer has no body (204). */
export async function requestEmpty(method: Method, path: string, body?: unknown): Promise<void> {
  await send(method, path, body);
}
