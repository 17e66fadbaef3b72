import type { z } from 'zod';
import { ApiError, ErrorBodySchema } from './api-error.ts';

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
  const parsed = ErrorBodySchema.safeParse(await response.json().catch(() => null));
  if (!parsed.success) return new ApiError(response.status, 'unexpected-response', UNEXPECTED_MESSAGE);
  const { code, message, fields } = parsed.data.error;
  return new ApiError(response.status, code, message, fields ?? []);
}

/** Sends a request and parses the JSON answer with `schema`, so a contract drift fails loudly here. */
export async function requestJson<Schema extends z.ZodType>(
  method: Method,
  path: string,
  schema: Schema,
  body?: unknown,
): Promise<z.output<Schema>> {
  const response = await send(method, path, body);
  const parsed = schema.safeParse(await response.json().catch(() => null));
  if (!parsed.success) throw new ApiError(response.status, 'unexpected-response', UNEXPECTED_MESSAGE);
  return parsed.data;
}

/** Sends a request whose success answer has no body (204). */
export async function requestEmpty(method: Method, path: string, body?: unknown): Promise<void> {
  await send(method, path, body);
}
