// `npm start`: picks PGlite (./data) or PostgreSQL (DATABASE_URL), migrates, seeds the demo when
// the database is empty in demo mode, builds the web UI if needed, and listens.
import { resolve } from 'node:path';
import { sql } from 'kysely';
import { DEMO_ACCOUNTS, isEmpty, seedDemo } from '../seeds/demo/index.js';
import { buildApp } from './app.js';
import { ConfigError, loadConfig } from './kernel/config.js';
import { openDatabase } from './kernel/db/database.js';
import { migrate } from './kernel/db/migrate.js';
import { systemClock } from './kernel/time.js';
import { buildWeb, webBuildIsStale } from './kernel/web-build.js';
import { startMissedVisitJob } from './modules/cases/index.js';
import { DEMO_PASSWORD } from './modules/identity/index.js';
import { channelsFromConfig, startDeliveryWorker } from './modules/messages/index.js';

const ROOT = resolve(new URL('../..', import.meta.url).pathname);

async function main() {
  const config = loadConfig();
  const log = (msg: string) => console.log(`[abitare] ${msg}`);
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: resolve(ROOT, config.dataDir) });
  log(database.kind === 'pglite' ? `embedded PostgreSQL (PGlite) in ${resolve(ROOT, config.dataDir)}` : 'PostgreSQL server (DATABASE_URL)');
  const applied = await migrate(database);
  log(applied.length > 0 ? `migrations applied: ${applied.join(', ')}` : 'database schema up to date');

  if (config.demo) {
    if (await isEmpty(database.db)) {
      await seedDemo(database.db);
      log('demo data loaded (Comune di Lucca, Comune di Pescaglia)');
    }
  } else {
    const demo = await sql<{ n: number }>`SELECT count(*)::int AS n FROM app_user WHERE is_demo AND active`.execute(database.db);
    if ((demo.rows[0]?.n ?? 0) > 0) {
      throw new ConfigError(
        'Demo accounts exist in this database but demo mode is off. Demo accounts must never exist in production: use another database, or set DEMO=1 for a demo installation.',
      );
    }
  }

  if (webBuildIsStale(ROOT)) {
    log('building the web UI…');
    await buildWeb(ROOT);
  }

  const app = await buildApp({ db: database.db, config, clock: systemClock, webDist: resolve(ROOT, config.webDist) });
  await app.listen({ port: config.port, host: config.host });
  // The notification delivery job (email, App IO) on the same database.
  const worker = config.notifyWorker
    ? startDeliveryWorker(database.db, channelsFromConfig(config), systemClock, config.notifyPollSeconds, { publicOrigin: config.publicOrigin, log })
    : undefined;
  // Housing First: visits not logged in time notify the team lead (hourly).
  const missedVisits = config.notifyWorker ? startMissedVisitJob(database.db, systemClock, 60, log) : undefined;
  const url = `http://localhost:${config.port}`;
  log(`ready on ${url}  (API docs: ${url}/api/docs)`);
  if (config.demo) {
    log(`demo logins (password for all: ${DEMO_PASSWORD}):`);
    for (const a of DEMO_ACCOUNTS) {
      const roles = a.roles.map((r) => (r.program ? `${r.role}/${r.program}` : r.role)).join(', ');
      log(`  ${a.ente.padEnd(10)} ${a.email.padEnd(40)} ${roles}`);
    }
  }
  const stop = async () => {
    await worker?.stop();
    await missedVisits?.stop();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError) {
    console.error(`[abitare] ${err.message}`);
  } else {
    console.error(err);
  }
  process.exit(1);
});
