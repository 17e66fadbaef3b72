import { createECDH } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { engines } from '../../test/engines.ts';
import { useTestServer } from '../../test/test-server.ts';
import { openSunlog } from '../context.ts';

describe.each(engines())('the Web Push key pair on $name', (engine) => {
  const server = useTestServer(engine);

  test('GET /api/v1/push/public-key answers the VAPID public key, which belongs to the kept private key', async () => {
    const s = server();
    const response = await s.app.inject({ method: 'GET', url: '/api/v1/push/public-key' });
    expect(response.statusCode).toBe(200);
    const { publicKey } = response.json();
    const point = Buffer.from(publicKey, 'base64url');
    expect(point).toHaveLength(65);
    expect(point[0]).toBe(4);
    const ecdh = createECDH('prime256v1');
    ecdh.setPrivateKey(Buffer.from(s.sunlog.vapid.privateKey, 'base64url'));
    expect(ecdh.getPublicKey().toString('base64url')).toBe(publicKey);
    // The private key is never in an answer.
    expect(response.body).not.toContain(s.sunlog.vapid.privateKey);
  });

  test('is made once: a restart and two processes starting at once all use the same pair', async () => {
    const s = server();
    const first = s.sunlog.vapid;
    const [a, b] = await Promise.all([openSunlog(s.sunlog.config), openSunlog(s.sunlog.config)]);
    try {
      expect(a.vapid).toEqual(first);
      expect(b.vapid).toEqual(first);
    } finally {
      await a.close();
      await b.close();
    }
    const rows = await s.sunlog.db.selectFrom('server_keys').select('name').execute();
    expect(rows).toEqual([{ name: 'vapid' }]);
  });

  test('a fresh database gets its own pair', async () => {
    const { config, dispose } = await engine.freshDatabase();
    const other = await openSunlog(config);
    try {
      expect(other.vapid.publicKey).not.toBe(server().sunlog.vapid.publicKey);
    } finally {
      await other.close();
      await dispose();
    }
  });
});
