import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { CONFIG_VARIABLES, type Config } from '../src/config.ts';

/** The repository root: `--import tsx` resolves from here, as under `npm start`. */
const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/** The entry `npm start` runs. */
const MAIN = fileURLToPath(new URL('../src/main.ts', import.meta.url));
const SERVER_PACKAGE_JSON = fileURLToPath(new URL('../package.json', import.meta.url));

const RUNNING = /^Sunlog is running at (http:\/\/\S+)$/m;
const PRAGMAS = /^sqlite-pragmas (.+)$/m;
const START_TIMEOUT_MS = 25_000;

/**
 * Preloaded into the child (before main.ts) when asked: remembers every better-sqlite3 connection the
 * server uses (they all set pragmas in connect.ts) and, on SIGUSR2, prints what those live connections
 * report for journal_mode and synchronous, and how many times the process has called fdatasync on each
 * one's write-ahead log (Node's `fs.fdatasync`, which the server's log sync uses). Inline as a data: URL so
 * it needs no file of its own; it loads better-sqlite3 through the server package, the same module the
 * server imports.
 */
const PRAGMA_PROBE = `
import fs from 'node:fs';
import { createRequire, syncBuiltinESMExports } from 'node:module';
const Database = createRequire(${JSON.stringify(SERVER_PACKAGE_JSON)})('better-sqlite3');
const syncsByPath = new Map();
const fdatasync = fs.fdatasync;
fs.fdatasync = function (fd, ...rest) {
  try {
    const path = fs.readlinkSync('/proc/self/fd/' + fd);
    syncsByPath.set(path, (syncsByPath.get(path) ?? 0) + 1);
  } catch {}
  return fdatasync.call(this, fd, ...rest);
};
syncBuiltinESMExports();
const walSyncs = (db) => {
  try {
    return syncsByPath.get(fs.realpathSync(db.name + '-wal')) ?? 0;
  } catch {
    return 0;
  }
};
const pragma = Database.prototype.pragma;
const connections = new Set();
Database.prototype.pragma = function (...args) {
  connections.add(this);
  return pragma.apply(this, args);
};
process.on('SIGUSR2', () => {
  const open = [...connections].filter((db) => db.open).map((db) => ({
    file: db.name,
    journalMode: pragma.call(db, 'journal_mode', { simple: true }),
    synchronous: pragma.call(db, 'synchronous', { simple: true }),
    walSyncs: walSyncs(db),
  }));
  process.stdout.write('sqlite-pragmas ' + JSON.stringify(open) + '\\n');
});
`;

/** What the pragma probe reports for one open SQLite connection of the server. */
export interface LivePragmas {
  file: string;
  journalMode: string;
  synchronous: number;
  /** fdatasync calls the process has made on this connection's write-ahead log so far. */
  walSyncs: number;
}

/** Sunlog running as its own process, as `npm start` runs it. */
export interface ChildServer {
  readonly url: string;
  readonly pid: number;
  /** SIGKILLs the process (no shutdown code runs) and resolves once it has exited. Safe to call twice. */
  kill(): Promise<void>;
  /** Asks the pragma probe (see `probeSqlitePragmas`) for the live connections' pragmas. */
  sqlitePragmas(): Promise<LivePragmas[]>;
}

/**
 * The environment for a child Sunlog on `config`'s database: the parent's environment minus every
 * Sunlog setting, plus DATA_DIR (and DATABASE_URL / DATABASE_SCHEMA on PostgreSQL), a free port and
 * silent logs.
 */
export function childEnvFor(config: Config): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (value !== undefined && !CONFIG_VARIABLES.includes(name)) env[name] = value;
  }
  env.DATA_DIR = config.dataDir;
  env.PORT = '0';
  env.HOST = '127.0.0.1';
  env.LOG_LEVEL = 'silent';
  env.REGISTRATIONS_PER_ADDRESS = String(config.registrationsPerAddress);
  if (config.database.engine === 'postgres') {
    env.DATABASE_URL = config.database.url;
    env.DATABASE_SCHEMA = config.database.schema;
  }
  return env;
}

/**
 * Starts `packages/server/src/main.ts` under `node --import tsx` with `env` and resolves once it
 * prints "Sunlog is running at <url>". Rejects (and kills the child) when it exits or stays silent.
 */
export async function startChildServer(
  env: Record<string, string>,
  options: { probeSqlitePragmas?: boolean } = {},
): Promise<ChildServer> {
  const preload = options.probeSqlitePragmas
    ? ['--import', `data:text/javascript,${encodeURIComponent(PRAGMA_PROBE)}`]
    : [];
  const child = spawn(process.execPath, ['--import', 'tsx', ...preload, MAIN], {
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    // Spawning itself failed: there is no process to wait for.
    child.once('error', (error) => {
      stderr += String(error);
      resolve();
    });
  });
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });

  const kill = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited;
  };

  try {
    const url = await waitFor(
      child,
      () => RUNNING.exec(stdout)?.[1],
      START_TIMEOUT_MS,
      () => stderr,
    );
    if (child.pid === undefined) throw new Error('the child has no pid');
    return {
      url,
      pid: child.pid,
      kill,
      sqlitePragmas: async () => {
        stdout = stdout.replace(PRAGMAS, '');
        child.kill('SIGUSR2');
        const line = await waitFor(
          child,
          () => PRAGMAS.exec(stdout)?.[1],
          5_000,
          () => stderr,
        );
        return JSON.parse(line) as LivePragmas[];
      },
    };
  } catch (error) {
    await kill();
    throw error;
  }
}

/** Polls `read` until it yields a value; fails when the child exits first or time runs out. */
function waitFor(
  child: ChildProcess,
  read: () => string | undefined,
  timeoutMs: number,
  stderr: () => string,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const deadline = Date.now() + timeoutMs;
    const poll = (): void => {
      const value = read();
      if (value !== undefined) {
        resolve(value);
      } else if (child.exitCode !== null || child.signalCode !== null) {
        reject(new Error(`the server exited (${child.exitCode ?? child.signalCode}): ${stderr()}`));
      } else if (Date.now() > deadline) {
        reject(new Error(`the server did not answer in time: ${stderr()}`));
      } else {
        setTimeout(poll, 20);
      }
    };
    poll();
  });
}
