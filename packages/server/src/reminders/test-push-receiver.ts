import { execFileSync } from 'node:child_process';
import {
  createDecipheriv,
  createECDH,
  createPublicKey,
  hkdfSync,
  randomBytes,
  randomUUID,
  verify,
} from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, Agent as HttpsAgent, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A stand-in push service for tests, written from the RFCs rather than from web-push, so it checks what
 * the server really sends. Each subscription it hands out is a real one: an ECDH P-256 key pair and 16
 * random auth bytes, as a browser makes them. For every push it
 *
 * 1. reads `Authorization: vapid t=<jwt>, k=<key>` (RFC 8292), rebuilds the P-256 public key from the raw
 *    point `k`, verifies the ES256 signature, and checks `aud` (this receiver's origin), `exp` (in the
 *    future, at most 24 h away) and `sub`;
 * 2. decrypts the `aes128gcm` body (RFC 8188 framing, RFC 8291 key derivation) with the subscription's
 *    private key and auth secret, and records the plaintext.
 *
 * It answers 201, or what a subscription is told to answer (404, 410, 500), or never (hang). It serves
 * https with a self-signed certificate made at start (web-push only speaks https); `agent` trusts it.
 */

export type ReceiverBehaviour = 'accept' | 404 | 410 | 500 | 'hang';

/** A subscription as `PushSubscription.toJSON()` gives it, plus the receiver's id for it. */
export interface TestSubscription {
  id: string;
  endpoint: string;
  keys: { p256dh: string; auth: string };
}

export interface ReceivedPush {
  subscriptionId: string;
  /** The decrypted payload, parsed as JSON. */
  payload: unknown;
  ttl: number;
  urgency: string | undefined;
  claims: { aud: string; exp: number; sub: string };
  /** The VAPID public key the push was signed with (`k`). */
  vapidKey: string;
}

export interface TestPushReceiver {
  readonly origin: string;
  /** Trusts the receiver's certificate: pass to the server as its push agent. */
  readonly agent: HttpsAgent;
  /** The receiver's certificate (PEM), for agents made elsewhere (child processes). */
  readonly cert: Buffer;
  /** Pushes decrypted and verified, in arrival order. */
  readonly received: ReceivedPush[];
  /** Pushes refused (bad JWT, undecryptable body, unknown subscription): each a reason. Should stay empty. */
  readonly rejected: string[];
  /** Requests being held open by 'hang' subscriptions right now. */
  readonly hanging: () => number;
  subscribe(behaviour?: ReceiverBehaviour): TestSubscription;
  setBehaviour(subscriptionId: string, behaviour: ReceiverBehaviour): void;
  /** The decrypted payloads pushed to one subscription. */
  payloadsFor(subscriptionId: string): unknown[];
  close(): Promise<void>;
}

interface Holder {
  ecdh: ReturnType<typeof createECDH>;
  publicKey: Buffer;
  auth: Buffer;
  behaviour: ReceiverBehaviour;
}

const MAX_EXP_SECONDS = 24 * 60 * 60;
/** Tokens whose signature verified, with their key. */
const verifiedTokens = new Set<string>();

/** Starts a receiver on 127.0.0.1 (a free port) with a fresh self-signed certificate. */
export async function startTestPushReceiver(): Promise<TestPushReceiver> {
  const { key, cert } = selfSignedCertificate();
  const holders = new Map<string, Holder>();
  const received: ReceivedPush[] = [];
  const rejected: string[] = [];
  const held = new Set<ServerResponse>();
  let origin = '';

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const body = await readBody(request);
    const match = /^\/push\/([0-9a-f-]+)$/.exec(request.url ?? '');
    const holder = match?.[1] === undefined ? undefined : holders.get(match[1]);
    if (request.method !== 'POST' || match?.[1] === undefined || holder === undefined) {
      rejected.push(`unknown subscription ${request.method} ${request.url}`);
      response.writeHead(404).end();
      return;
    }
    try {
      const { claims, vapidKey } = verifyVapid(request.headers.authorization, origin);
      if (request.headers['content-encoding'] !== 'aes128gcm') {
        throw new Error(`content-encoding ${request.headers['content-encoding']}`);
      }
      const ttl = Number(request.headers.ttl);
      if (!Number.isInteger(ttl) || ttl < 0) throw new Error('no TTL header');
      const plaintext = decryptAes128gcm(body, holder.ecdh, holder.publicKey, holder.auth);
      if (holder.behaviour === 'hang') {
        held.add(response);
        response.on('close', () => held.delete(response));
        return;
      }
      if (typeof holder.behaviour === 'number') {
        response.writeHead(holder.behaviour).end();
        return;
      }
      received.push({
        subscriptionId: match[1],
        payload: JSON.parse(plaintext.toString('utf8')),
        ttl,
        urgency: request.headers.urgency as string | undefined,
        claims,
        vapidKey,
      });
      response.writeHead(201).end();
    } catch (error) {
      rejected.push(error instanceof Error ? error.message : String(error));
      response.writeHead(400).end();
    }
  };

  const server: Server = createServer({ key, cert }, (request, response) => {
    handle(request, response).catch((error: unknown) => {
      rejected.push(String(error));
      if (!response.headersSent) response.writeHead(500).end();
    });
  });
  // Keep idle connections open longer than a busy sender may leave them unused, so a reused socket is
  // not closed under a request in flight (which a sender sees as ECONNRESET).
  server.keepAliveTimeout = 120_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const agent = new HttpsAgent({ ca: cert, keepAlive: true, maxSockets: 32 });

  return {
    origin,
    agent,
    cert,
    received,
    rejected,
    hanging: () => held.size,
    subscribe(behaviour = 'accept') {
      const ecdh = createECDH('prime256v1');
      const publicKey = ecdh.generateKeys();
      const auth = randomBytes(16);
      const id = randomUUID();
      holders.set(id, { ecdh, publicKey, auth, behaviour });
      return {
        id,
        endpoint: `${origin}/push/${id}`,
        keys: { p256dh: publicKey.toString('base64url'), auth: auth.toString('base64url') },
      };
    },
    setBehaviour(subscriptionId, behaviour) {
      const holder = holders.get(subscriptionId);
      if (holder === undefined) throw new Error(`no subscription ${subscriptionId}`);
      holder.behaviour = behaviour;
    },
    payloadsFor: (subscriptionId) =>
      received.filter((push) => push.subscriptionId === subscriptionId).map((push) => push.payload),
    close: async () => {
      for (const response of held) response.destroy();
      agent.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A P-256 key and a certificate for 127.0.0.1, valid a day, made with the openssl command. */
function selfSignedCertificate(): { key: Buffer; cert: Buffer } {
  const dir = mkdtempSync(join(tmpdir(), 'sunlog-push-receiver-'));
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
      ],
      { stdio: 'ignore' },
    );
    return { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

/** RFC 8292: checks the `vapid` Authorization header; returns its claims and key, or throws why not. */
function verifyVapid(
  header: string | undefined,
  expectedAudience: string,
): { claims: ReceivedPush['claims']; vapidKey: string } {
  const match = /^vapid t=([A-Za-z0-9_.-]+),\s*k=([A-Za-z0-9_-]+)$/.exec(header ?? '');
  if (match?.[1] === undefined || match[2] === undefined) throw new Error(`bad Authorization: ${header}`);
  const [jwt, k] = [match[1], match[2]];
  const parts = jwt.split('.');
  if (parts.length !== 3) throw new Error('the JWT has not three parts');
  const [headerPart, claimsPart, signaturePart] = parts as [string, string, string];
  const jwtHeader = JSON.parse(Buffer.from(headerPart, 'base64url').toString('utf8'));
  if (jwtHeader.alg !== 'ES256') throw new Error(`JWT alg ${jwtHeader.alg}`);

  const point = Buffer.from(k, 'base64url');
  if (point.length !== 65 || point[0] !== 0x04) throw new Error('k is not an uncompressed P-256 point');
  const publicKey = createPublicKey({
    key: {
      kty: 'EC',
      crv: 'P-256',
      x: point.subarray(1, 33).toString('base64url'),
      y: point.subarray(33, 65).toString('base64url'),
    },
    format: 'jwk',
  });
  const signature = Buffer.from(signaturePart, 'base64url');
  const signed = Buffer.from(`${headerPart}.${claimsPart}`);
  // ES256 signatures are r || s (64 bytes), not DER. The same token and key verify the same way every
  // time, so a verified pair is remembered (its claims are still checked below, on every push).
  if (!verifiedTokens.has(`${jwt} ${k}`)) {
    if (!verify('sha256', signed, { key: publicKey, dsaEncoding: 'ieee-p1363' }, signature)) {
      throw new Error('the JWT signature does not verify');
    }
    verifiedTokens.add(`${jwt} ${k}`);
  }
  const claims = JSON.parse(Buffer.from(claimsPart, 'base64url').toString('utf8'));
  if (claims.aud !== expectedAudience) throw new Error(`aud ${claims.aud}, expected ${expectedAudience}`);
  const nowSeconds = Math.floor(Date.now() / 1000);
  if (
    typeof claims.exp !== 'number' ||
    claims.exp <= nowSeconds ||
    claims.exp > nowSeconds + MAX_EXP_SECONDS
  ) {
    throw new Error(`exp ${claims.exp} is not within the next 24 hours`);
  }
  if (typeof claims.sub !== 'string' || claims.sub === '') throw new Error('no sub');
  return { claims, vapidKey: k };
}

/**
 * RFC 8291 §3.4 key derivation and RFC 8188 decryption. The body is salt (16) | record size (4) |
 * key id length (1) | key id (the sender's ephemeral public key, 65) | records; each record is
 * AES-128-GCM of data | delimiter (2 for the last, 1 otherwise) | zero padding, with a 16-byte tag.
 */
export function decryptAes128gcm(
  body: Buffer,
  receiver: ReturnType<typeof createECDH>,
  receiverPublicKey: Buffer,
  authSecret: Buffer,
): Buffer {
  if (body.length < 21) throw new Error('the body is too short for an aes128gcm header');
  const salt = body.subarray(0, 16);
  const recordSize = body.readUInt32BE(16);
  const keyIdLength = body.readUInt8(20);
  const senderPublicKey = body.subarray(21, 21 + keyIdLength);
  if (keyIdLength !== 65) throw new Error(`key id of ${keyIdLength} bytes, expected a P-256 point`);
  const records = body.subarray(21 + keyIdLength);

  const ecdhSecret = receiver.computeSecret(senderPublicKey);
  const keyInfo = Buffer.concat([Buffer.from('WebPush: info\0'), receiverPublicKey, senderPublicKey]);
  const ikm = Buffer.from(hkdfSync('sha256', ecdhSecret, authSecret, keyInfo, 32));
  const cek = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: aes128gcm\0'), 16));
  const baseNonce = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: nonce\0'), 12));

  const plain: Buffer[] = [];
  const count = Math.ceil(records.length / recordSize);
  for (let index = 0; index < count; index += 1) {
    const record = records.subarray(index * recordSize, (index + 1) * recordSize);
    const nonce = Buffer.from(baseNonce);
    // The record sequence number is XORed into the end of the nonce (RFC 8188 §2.3).
    nonce.writeUInt32BE((nonce.readUInt32BE(8) ^ index) >>> 0, 8);
    const decipher = createDecipheriv('aes-128-gcm', cek, nonce);
    decipher.setAuthTag(record.subarray(record.length - 16));
    const padded = Buffer.concat([decipher.update(record.subarray(0, record.length - 16)), decipher.final()]);
    let end = padded.length - 1;
    while (end >= 0 && padded[end] === 0) end -= 1;
    const delimiter = padded[end];
    const last = index === count - 1;
    if (delimiter !== (last ? 2 : 1)) throw new Error(`record ${index} has delimiter ${delimiter}`);
    plain.push(padded.subarray(0, end));
  }
  return Buffer.concat(plain);
}
