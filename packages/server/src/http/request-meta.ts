import type { FastifyRequest } from 'fastify';
import type { RequestMeta } from '../request-meta.ts';

/** The parts of an HTTP request a service may see (for audit and rate limits). */
export function metaOf(request: FastifyRequest): RequestMeta {
  const userAgent = request.headers['user-agent'];
  return { requestId: request.id, address: request.ip, userAgent: userAgent ?? null };
}
