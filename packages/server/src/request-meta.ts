/** What a service may know about the request it serves: enough to audit and rate-limit, nothing of HTTP. */
export interface RequestMeta {
  /** Fastify's request id, also in the logs, so an audit event can be matched to its log lines. */
  requestId: string;
  /** The client's IP address (the proxy's forwarded one when TRUST_PROXY is on). */
  address: string;
  userAgent: string | null;
}
