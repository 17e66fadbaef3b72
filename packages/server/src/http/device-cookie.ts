import type { FastifyReply, FastifyRequest } from 'fastify';
import { type Config, servedOverHttps } from '../config.ts';
import type { Sunlog } from '../context.ts';
import { metaOf } from './request-meta.ts';

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

type DeviceDeps = Pick<Sunlog, 'devices' | 'config'>;

/**
 * After any sign-in (password or passkey): notes the browser as a device of this person — recording
 * `account.sign-in-new-device` when it is new — and sets its cookie.
 */
export async function noteSignInDevice(
  sunlog: DeviceDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  userId: string,
): Promise<void> {
  const deviceId = await sunlog.devices.noteSignIn(
    userId,
    deviceCookieOf(request, sunlog.config),
    metaOf(request),
  );
  setDeviceCookie(reply, sunlog.config, deviceId);
}

/** When an account is made: the browser it was made on is its first known device (no notice). */
export async function rememberFirstDevice(
  sunlog: DeviceDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  userId: string,
): Promise<void> {
  const deviceId = await sunlog.devices.rememberFirst(userId, deviceCookieOf(request, sunlog.config));
  setDeviceCookie(reply, sunlog.config, deviceId);
}
