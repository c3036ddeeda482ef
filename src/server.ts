import { buildApp } from './app.ts';
import { loadConfig } from './core/config.ts';
import { openConfiguredDatabase } from './core/bootstrap.ts';
import { prepareInstallation } from './cli/first-start.ts';
import { allFinished } from './modules/imports/imports.jobs.ts';
import { failInterruptedImports } from './modules/imports/imports.service.ts';

/** `npm start`: open and migrate the database, prepare a first installation, serve. */
async function main() {
  const started = Date.now();
  const config = loadConfig();
  const { database, release } = await openConfiguredDatabase(config);
  await prepareInstallation(database, config, (line) => console.log(line));
  await failInterruptedImports(database.db, database.kind === 'postgres');
  const app = await buildApp({ database, config, logger: { level: config.LOG_LEVEL } });
  let closing = false;
  const shutdown = async () => {
    if (closing) return;
    closing = true;
    await app.close();
    await allFinished();
    await release();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  await app.listen({ port: config.PORT, host: config.HOST });
  const where = database.kind === 'pglite' ? `PGlite tại ${config.CANBO_DATA_DIR}` : 'PostgreSQL';
  console.log(
    `CanBo đang chạy tại http://localhost:${config.PORT} (${where}), khởi động trong ${((Date.now() - started) / 1000).toFixed(1)} giây.`,
  );
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
