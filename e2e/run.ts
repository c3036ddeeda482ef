/**
 * Browser tests: builds the web app, starts CanBo on a fresh database and a free port,
 * runs Playwright against it with Debian's Chromium, then stops the server.
 * Without a Chromium it says so plainly and skips (outside CI, where it must run).
 */
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

const root = path.resolve(import.meta.dirname, '..');
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const E2E_ADMIN_PASSWORD = 'e2e-mat-khau-quan-tri';

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

async function main() {
  if (!fs.existsSync(chromium)) {
    const msg = `Không tìm thấy Chromium tại ${chromium}: BỎ QUA kiểm thử trình duyệt (cài bằng: apt-get install chromium).`;
    if (process.env.CI === 'true') {
      console.error(msg + ' Trong CI kiểm thử trình duyệt là bắt buộc.');
      process.exit(1);
    }
    console.log(msg);
    return;
  }
  execFileSync(process.execPath, ['--import', 'tsx', path.join(root, 'scripts/build-web.ts')], {
    cwd: root,
    stdio: 'inherit',
  });
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'canbo-e2e-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    CANBO_DATA_DIR: dataDir,
    CANBO_ADMIN_PASSWORD: E2E_ADMIN_PASSWORD,
    CANBO_DEMO_MEMBERS: '400',
    LOG_LEVEL: 'warn',
  };
  let dropDb: (() => Promise<void>) | null = null;
  if (process.env.TEST_DATABASE_URL) {
    const name = `canbo_e2e_${process.pid}`;
    const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.query(`create database ${name}`);
    const url = new URL(process.env.TEST_DATABASE_URL);
    url.pathname = `/${name}`;
    env.DATABASE_URL = url.toString();
    dropDb = async () => {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    };
  }
  const server = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'src/server.ts')], {
    cwd: root,
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  let code = 1;
  try {
    await waitForHealth(`http://127.0.0.1:${port}/api/health`, server);
    code = await new Promise<number>((resolve) => {
      const pw = spawn(
        process.execPath,
        [
          path.join(root, 'node_modules/@playwright/test/cli.js'),
          'test',
          '--config',
          path.join(root, 'e2e/playwright.config.ts'),
          // Extra arguments pick specs or tests: `npx tsx e2e/run.ts congress.spec.ts`.
          ...process.argv.slice(2),
        ],
        {
          cwd: root,
          env: {
            ...env,
            E2E_BASE_URL: `http://127.0.0.1:${port}`,
            E2E_ADMIN_PASSWORD,
            PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1',
          },
          stdio: 'inherit',
        },
      );
      pw.on('exit', (c) => resolve(c ?? 1));
    });
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r).once('error', r));
    await dropDb?.();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  process.exit(code);
}

async function waitForHealth(url: string, server: ReturnType<typeof spawn>) {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error('Máy chủ CanBo dừng khi khởi động.');
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error('Máy chủ CanBo không khởi động trong 120 giây.');
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
