import type { FastifyReply, FastifyRequest } from 'fastify';
import { type Config, servedOverHttps } from '../config.ts';

/**
 * The device cookie: a random id that tells Sunlog this browser has signed in to an account before (see
 * accounts/devices.ts). HttpOnly and long-lived (400 days, the most browsers keep a cookie); it grants
 * nothing by itself. `__Host-` over https, like the session cookie.
 */
const DEVICE_COOKIE_MAX_AGE_SECONDS = 400 * 24 * 60 * 60;

export function deviceCookieName(config: Pick<Config, 'publicUrl'>): string {
  return servedOverHttps(config) ? '__Host-sunlog_device' : 'sunlog_device';
}

export function deviceCookieOf(
  request: FastifyRequest,
  config: Pick<Config, 'publicUrl'>,
): string | undefined {
  return request.cookies[deviceCookieName(config)];
}

export function setDeviceCookie(
  reply: FastifyReply,
  config: Pick<Config, 'publicUrl'>,
  deviceId: string,
): void {
  reply.setCookie(deviceCookieName(config), deviceId, {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: servedOverHttps(config),
    maxAge: DEVICE_COOKIE_MAX_AGE_SECONDS,
  });
}
