import { parseArgs } from 'node:util';
import { loadConfig } from '../core/config.ts';
import { formatNumber } from '../core/vietnamese/index.ts';
import { runTallyCommand, tallyUsage } from './tally.ts';

// The database, the demo generator and Excel are imported only by the commands that use them,
// so the offline counting station (`tally`) starts without loading them.
const usage = async () => `Cách dùng: npm run cli -- <lệnh> [tùy chọn]

Lệnh:
  demo --members N [--grassroots G] [--seed S]
      Nạp dữ liệu mẫu sinh ngẫu nhiên (cây tổ chức + N đảng viên) vào cơ sở dữ liệu trống
      (PGlite ở CANBO_DATA_DIR, hoặc DATABASE_URL), rồi tạo tài khoản admin nếu chưa có.
${(await import('./import.ts')).importUsage}${tallyUsage}`;

async function main() {
  const [command, ...rest] = process.argv.slice(2);
  if (command === 'tally') process.exit(runTallyCommand(rest));
  if (command === 'import') {
    const { openConfiguredDatabase } = await import('../core/bootstrap.ts');
    const { runImportCommand } = await import('./import.ts');
    const { database, release } = await openConfiguredDatabase(loadConfig());
    let code = 1;
    try {
      code = await runImportCommand(database, rest);
    } finally {
      await release();
    }
    process.exit(code);
  }
  if (command !== 'demo') {
    console.log(await usage());
    process.exit(command ? 1 : 0);
  }
  const { values } = parseArgs({
    args: rest,
    options: {
      members: { type: 'string', default: '12000' },
      grassroots: { type: 'string' },
      seed: { type: 'string' },
    },
  });
  const members = Number(values.members);
  if (!Number.isInteger(members) || members < 0)
    throw new Error('--members phải là số nguyên không âm');
  const config = loadConfig();
  const { openConfiguredDatabase } = await import('../core/bootstrap.ts');
  const { loadDemo } = await import('./demo-load.ts');
  const { prepareInstallation } = await import('./first-start.ts');
  const { database, release } = await openConfiguredDatabase(config);
  try {
    const started = Date.now();
    const result = await loadDemo(database, {
      members,
      grassroots: values.grassroots ? Number(values.grassroots) : undefined,
      seed: values.seed ? Number(values.seed) : undefined,
      onProgress: (done, total, phase) => {
        const label = phase === 'units' ? 'tổ chức' : 'đảng viên';
        process.stdout.write(`\r${label}: ${formatNumber(done)}/${formatNumber(total)}   `);
      },
    });
    process.stdout.write('\n');
    console.log(
      `Đã nạp ${formatNumber(result.units)} tổ chức và ${formatNumber(result.members)} đảng viên trong ${formatNumber((Date.now() - started) / 1000, 1)} giây.`,
    );
    await prepareInstallation(database, { ...config, CANBO_DEMO: 'off' }, console.log);
  } finally {
    await release();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
