import { loadConfig, processEnv } from '@sunlog/server/config';
import { type Command, openSunlog } from '../command.ts';

export const migrateCommand: Command = {
  name: 'migrate',
  usage: 'sunlog migrate',
  summary: 'Bring the database (SQLite in DATA_DIR, or DATABASE_URL) to the latest migration, then exit.',
  async run() {
    const config = loadConfig(processEnv());
    const sunlog = await openSunlog(config);
    await sunlog.close();
    const where = config.database.engine === 'sqlite' ? config.database.file : 'PostgreSQL';
    console.log(`The database is up to date (${where}).`);
    return 0;
  },
};
