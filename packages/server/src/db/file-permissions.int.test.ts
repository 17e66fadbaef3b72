import { statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { loadConfig } from '../config.ts';
import { openSunlog } from '../context.ts';

test.runIf(process.platform !== 'win32')(
  'the SQLite file is 0600 and its folder 0700, whatever the umask',
  async () => {
    const parent = await mkdtemp(join(tmpdir(), 'sunlog-perm-'));
    const previous = process.umask(0o022);
    try {
      const dataDir = join(parent, 'data');
      const sunlog = await openSunlog(loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' }));
      try {
        await sunlog.db.selectFrom('users').selectAll().execute();
        expect(statSync(dataDir).mode & 0o777).toBe(0o700);
        for (const name of ['sunlog.db', 'sunlog.db-wal', 'sunlog.db-shm']) {
          expect(statSync(join(dataDir, name)).mode & 0o777, name).toBe(0o600);
        }
      } finally {
        await sunlog.close();
      }
    } finally {
      process.umask(previous);
      await rm(parent, { recursive: true, force: true });
    }
  },
);
