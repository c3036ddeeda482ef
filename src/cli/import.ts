/**
 * `canbo import <members|units|appointments> <file.xlsx|file.csv> --unit CODE [--mode valid-only] [--yes]`:
 * the same checking and writing as the web page (the same service), acting as the system
 * administrator. Exit code 0 only when the rows were written.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { and, asc, eq, sql } from 'drizzle-orm';
import { importKindLabels, importKinds, type ImportKind } from '../contracts/enums.ts';
import type { ImportDetailDto } from '../contracts/imports.ts';
import type { Actor } from '../core/access/actor.ts';
import type { Database } from '../core/db/client.ts';
import { configureZodMessages } from '../core/http/zod-messages.ts';
import { formatNumber } from '../core/vietnamese/index.ts';
import { users } from '../modules/accounts/accounts.schema.ts';
import { liveProgress, whenFinished } from '../modules/imports/imports.jobs.ts';
import * as imports from '../modules/imports/imports.service.ts';
import { units } from '../modules/units/units.schema.ts';

export const importUsage = `  import <members|units|appointments> <tệp.xlsx|tệp.csv> --unit MÃ_TỔ_CHỨC [--mode valid-only] [--yes]
      Nhập dữ liệu từ tệp Excel/CSV theo mẫu (tải mẫu ở trang "Nhập từ Excel"): kiểm tra từng
      dòng và in các dòng lỗi (dòng, cột, lý do); chỉ ghi khi không có lỗi, hoặc với
      --mode valid-only (chỉ nhập các dòng hợp lệ). Cần --yes để ghi mà không hỏi lại.
`;

export interface ImportCommandIo {
  out: (line: string) => void;
  /** Progress line rewritten in place. */
  progress: (line: string) => void;
  ask: (question: string) => Promise<boolean>;
}

const consoleIo: ImportCommandIo = {
  out: (line) => console.log(line),
  progress: (line) => process.stdout.write(`\r${line}   `),
  async ask(question) {
    if (!process.stdin.isTTY) return false;
    const rl = createInterface({ input: process.stdin, output: process.stdout });
    const answer = await rl.question(`${question} (c/k) `);
    rl.close();
    return ['c', 'co', 'có', 'y', 'yes'].includes(answer.trim().toLowerCase());
  },
};

/** The system administrator: the first active admin account bound to a root unit. */
async function systemActor(database: Database): Promise<Actor> {
  const [row] = await database.db
    .select({ user: users, path: units.path })
    .from(users)
    .innerJoin(units, eq(units.id, users.unitId))
    .where(and(eq(users.active, true), sql`'admin' = any(${users.roles})`, eq(units.depth, 0)))
    .orderBy(asc(users.id))
    .limit(1);
  if (!row) {
    throw new Error(
      'Chưa có tài khoản quản trị hệ thống ở tổ chức gốc; hãy khởi động máy chủ một lần để tạo.',
    );
  }
  return {
    userId: row.user.id,
    username: row.user.username,
    displayName: row.user.displayName,
    unitId: row.user.unitId,
    scopePath: row.path,
    roles: row.user.roles as Actor['roles'],
    permissions: row.user.permissions as Actor['permissions'],
    memberId: row.user.memberId,
  };
}

async function waitWithProgress(io: ImportCommandIo, id: number, label: string) {
  const timer = setInterval(() => {
    const n = liveProgress(id);
    if (n !== undefined) io.progress(`${label}: ${formatNumber(n)} dòng`);
  }, 500);
  try {
    await whenFinished(id);
  } finally {
    clearInterval(timer);
  }
}

async function allProblems(database: Database, actor: Actor, id: number) {
  const first = await imports.getImport({
    db: database.db,
    actor,
    id,
    problemPage: 1,
    problemPageSize: 500,
  });
  const items = [...first.problems.items];
  for (let page = 2; items.length < first.problems.total; page++) {
    const next = await imports.getImport({
      db: database.db,
      actor,
      id,
      problemPage: page,
      problemPageSize: 500,
    });
    if (!next.problems.items.length) break;
    items.push(...next.problems.items);
  }
  return { job: first, items };
}

function printProblems(
  io: ImportCommandIo,
  job: ImportDetailDto,
  items: ImportDetailDto['problems']['items'],
) {
  for (const p of items) {
    const where = [p.row !== null ? `Dòng ${p.row}` : 'Cả tệp', p.column ? `cột "${p.column}"` : '']
      .filter(Boolean)
      .join(', ');
    io.out(`  ${where}: ${p.message}`);
  }
  if (job.problems.problemsCapped) io.out('  (còn các lỗi khác chưa liệt kê)');
}

/** Runs the command; returns the process exit code. */
export async function runImportCommand(
  database: Database,
  args: string[],
  io: ImportCommandIo = consoleIo,
): Promise<number> {
  configureZodMessages();
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      unit: { type: 'string' },
      mode: { type: 'string', default: 'all' },
      yes: { type: 'boolean', default: false },
    },
  });
  const [kindArg, file] = positionals;
  if (!kindArg || !(importKinds as readonly string[]).includes(kindArg) || !file || !values.unit) {
    io.out(`Cách dùng:\n${importUsage}`);
    return 2;
  }
  if (!['all', 'valid-only'].includes(values.mode ?? '')) {
    io.out('--mode chỉ nhận "all" (mặc định) hoặc "valid-only".');
    return 2;
  }
  const kind = kindArg as ImportKind;
  if (!fs.existsSync(file)) {
    io.out(`Không tìm thấy tệp ${file}.`);
    return 1;
  }
  const actor = await systemActor(database);
  const [unit] = await database.db
    .select({ id: units.id, name: units.name })
    .from(units)
    .where(eq(units.code, values.unit));
  if (!unit) {
    io.out(`Không có tổ chức đảng mã "${values.unit}".`);
    return 1;
  }
  const started = await imports.startImport({
    db: database.db,
    actor,
    kind,
    unitId: unit.id,
    fileName: path.basename(file),
    content: fs.readFileSync(file),
  });
  await waitWithProgress(io, started.id, 'Đang kiểm tra');
  const { job, items } = await allProblems(database, actor, started.id);
  io.out(
    `\nNhập ${importKindLabels[kind].toLowerCase()} vào ${unit.name} — lần nhập #${job.id}: ${job.message}`,
  );
  printProblems(io, job, items);
  if (job.status !== 'previewed' || job.fileProblem || job.validRows === 0) return 1;
  const validOnly = values.mode === 'valid-only';
  if (job.invalidRows > 0 && !validOnly) {
    io.out(
      `Có ${formatNumber(job.invalidRows)} dòng lỗi nên chưa ghi gì. Sửa tệp rồi chạy lại, hoặc thêm --mode valid-only để chỉ nhập ${formatNumber(job.validRows)} dòng hợp lệ.`,
    );
    await imports.cancelImport({ db: database.db, actor, id: job.id });
    return 1;
  }
  const question = `Ghi ${formatNumber(job.validRows)} dòng vào ${unit.name}?`;
  if (!values.yes && !(await io.ask(question))) {
    io.out('Chưa ghi gì (thêm --yes để ghi mà không hỏi lại).');
    await imports.cancelImport({ db: database.db, actor, id: job.id });
    return 1;
  }
  await imports.confirmImport({
    db: database.db,
    actor,
    id: job.id,
    mode: validOnly ? 'valid_only' : 'all',
  });
  await waitWithProgress(io, job.id, 'Đang ghi');
  const done = await imports.getImport({
    db: database.db,
    actor,
    id: job.id,
    problemPage: 1,
    problemPageSize: 1,
  });
  io.out(`\n${done.message}`);
  return done.status === 'done' ? 0 : 1;
}
