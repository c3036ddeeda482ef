/**
 * Import speed: N generated members (the demo generator) written as CSV and as xlsx, imported
 * end to end through the import service (upload → check → confirm → write, one transaction,
 * with history and audit rows), against PostgreSQL's own `COPY` of the same rows into the
 * same table in the same run. Targets (issue 3): CSV < 30 s and ≤ 3× COPY; xlsx < 60 s.
 *
 * Runs on a scratch database (dropped and created again): BENCH_IMPORT_DATABASE_URL or
 * postgres://postgres@127.0.0.1:5432/canbo_import_bench. `COPY … FROM '<file>'` is read by
 * the server itself, so the server must be local and run as a role allowed to read files.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import pg from 'pg';
import { generateMembers, generateUnitTree, type DemoMember } from '../../src/cli/demo/index.ts';
import {
  genderLabels,
  generalEducationLabels,
  memberStatusLabels,
  politicalTheoryLabels,
  professionalLevelLabels,
  stateManagementLabels,
} from '../../src/contracts/enums.ts';
import type { Actor } from '../../src/core/access/actor.ts';
import { openPostgres, type Database } from '../../src/core/db/client.ts';
import { runMigrations } from '../../src/core/db/migrate.ts';
import { configureZodMessages } from '../../src/core/http/zod-messages.ts';
import { formatDate, searchKey, vietnameseNameSortKey } from '../../src/core/vietnamese/index.ts';
import { whenFinished } from '../../src/modules/imports/imports.jobs.ts';
import * as imports from '../../src/modules/imports/imports.service.ts';
import { fmtMs, log, now } from './util.ts';

export interface ImportBenchResult {
  rows: number;
  csv: RunTimes;
  xlsx: RunTimes | null;
  copyMs: number;
  csvVsCopy: number;
  targets: { csvMs: number; xlsxMs: number; maxCopyRatio: number };
  pass: boolean;
}
interface RunTimes {
  fileBytes: number;
  checkMs: number;
  writeMs: number;
  totalMs: number;
  imported: number;
  invalid: number;
}

const TARGETS = { csvMs: 30_000, xlsxMs: 60_000, maxCopyRatio: 3 };

/** Template headings, in the order the files are written. */
const columns: [string, (m: DemoMember) => string | null][] = [
  ['Họ và tên khai sinh', (m) => m.fullName],
  ['Tên gọi khác', (m) => m.otherNames],
  ['Giới tính', (m) => genderLabels[m.gender]],
  ['Ngày sinh (dd/mm/yyyy)', (m) => formatDate(m.birthDate)],
  ['Nơi sinh', (m) => m.birthplace],
  ['Quê quán (xã, phường)', (m) => m.hometownCommune],
  ['Quê quán (tỉnh, thành phố)', (m) => m.hometownProvince],
  ['Nơi ở hiện nay', (m) => m.residence],
  ['Dân tộc', (m) => m.ethnicity],
  ['Tôn giáo', (m) => m.religion],
  ['Số CCCD/định danh', (m) => m.idNumber],
  ['Ngày vào Đảng (dd/mm/yyyy)', (m) => formatDate(m.joinDate)],
  ['Ngày chính thức (dd/mm/yyyy)', (m) => formatDate(m.officialDate)],
  ['Số thẻ đảng viên', (m) => m.cardNumber],
  ['Tình trạng đảng viên', (m) => memberStatusLabels[m.status]],
  ['Giáo dục phổ thông', (m) => generalEducationLabels[m.generalEducation]],
  ['Trình độ chuyên môn cao nhất', (m) => professionalLevelLabels[m.professionalLevel]],
  ['Chuyên ngành', (m) => m.professionalField],
  ['Lý luận chính trị', (m) => politicalTheoryLabels[m.politicalTheory]],
  ['Quản lý nhà nước', (m) => stateManagementLabels[m.stateManagement]],
];

const csvCell = (v: string | null) =>
  v === null ? '' : /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;

function writeCsv(file: string, rows: DemoMember[]) {
  const lines = [columns.map(([h]) => csvCell(h)).join(',')];
  for (const m of rows) lines.push(columns.map(([, f]) => csvCell(f(m))).join(','));
  fs.writeFileSync(file, lines.join('\n') + '\n');
}

async function writeXlsxFile(file: string, rows: DemoMember[]) {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false });
  const ws = wb.addWorksheet('Đảng viên');
  ws.addRow(columns.map(([h]) => h)).commit();
  for (const m of rows) ws.addRow(columns.map(([, f]) => f(m))).commit();
  ws.commit();
  await wb.commit();
}

/** The same rows as the members table stores them, for COPY. */
function writeCopyCsv(file: string, rows: DemoMember[], unit: { id: number; path: string }) {
  const out: string[] = [];
  for (const m of rows) {
    out.push(
      [
        unit.id,
        unit.path,
        m.fullName,
        m.otherNames,
        m.gender,
        m.birthDate,
        m.birthplace,
        m.hometownCommune,
        m.hometownProvince,
        m.residence,
        m.ethnicity,
        m.religion,
        m.idNumber,
        m.joinDate,
        m.officialDate,
        m.cardNumber,
        m.status,
        m.generalEducation,
        m.professionalLevel,
        m.professionalField,
        m.politicalTheory,
        m.stateManagement,
        searchKey(`${m.fullName} ${m.otherNames ?? ''}`),
        vietnameseNameSortKey(m.fullName),
      ]
        .map((v) => csvCell(v === null ? null : String(v)))
        .join(','),
    );
  }
  fs.writeFileSync(file, out.join('\n') + '\n');
  fs.chmodSync(file, 0o644);
}

const copyColumns =
  'unit_id, unit_path, full_name, other_names, gender, birth_date, birthplace, hometown_commune, hometown_province, residence, ethnicity, religion, id_number, join_date, official_date, card_number, status, general_education, professional_level, professional_field, political_theory, state_management, search_text, sort_key';

async function recreate(url: string) {
  const u = new URL(url);
  const name = u.pathname.slice(1);
  if (!/^[A-Za-z0-9_]+$/.test(name)) throw new Error(`unexpected database name "${name}"`);
  u.pathname = '/postgres';
  const admin = new pg.Client({ connectionString: u.toString() });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  await admin.end();
}

async function setUp(database: Database) {
  const [root] = await database.query<{ id: number }>(
    `insert into units (type, code, name, locality, search_text, valid_from, path, depth)
     values ('province', 'BENCH', 'Đảng bộ Thành phố Thử tải', 'Hà Nội', 'dang bo thu tai', '2025-07-01', '', 0)
     returning id`,
  );
  await database.query(`update units set path = '/' || id || '/' where id = $1`, [root!.id]);
  const [cell] = await database.query<{ id: number; path: string }>(
    `insert into units (parent_id, type, code, name, locality, search_text, valid_from, path, depth)
     values ($1, 'grassroots_cell', 'BENCH-CELL', 'Chi bộ Thử tải', 'Hà Nội', 'chi bo thu tai', '2025-07-01', '', 1)
     returning id, path`,
    [root!.id],
  );
  const [done] = await database.query<{ id: number; path: string }>(
    `update units set path = '/' || $1::int || '/' || id || '/' where id = $2 returning id, path`,
    [root!.id, cell!.id],
  );
  const [user] = await database.query<{ id: number }>(
    `insert into users (username, display_name, password_hash, unit_id, roles)
     values ('bench.admin', 'Quản trị thử tải', 'x', $1, '{admin}') returning id`,
    [root!.id],
  );
  const actor: Actor = {
    userId: user!.id,
    username: 'bench.admin',
    displayName: 'Quản trị thử tải',
    unitId: root!.id,
    scopePath: `/${root!.id}/`,
    roles: ['admin'],
    permissions: [],
    memberId: null,
  };
  return { actor, cell: done! };
}

async function empty(database: Database) {
  // A scratch database: the audit log's append-only trigger does not fire on TRUNCATE.
  await database.query('truncate member_unit_history, audit_log, import_jobs');
  await database.query('delete from members');
  await database.query('vacuum analyze members');
}

async function timeImport(
  database: Database,
  actor: Actor,
  unitId: number,
  file: string,
): Promise<RunTimes> {
  const content = fs.readFileSync(file);
  const t0 = now();
  const job = await imports.startImport({
    db: database.db,
    actor,
    kind: 'members',
    unitId,
    fileName: path.basename(file),
    content,
  });
  await whenFinished(job.id);
  const checked = await imports.getImport({
    db: database.db,
    actor,
    id: job.id,
    problemPage: 1,
    problemPageSize: 5,
  });
  const t1 = now();
  if (checked.invalidRows) {
    log(
      `  ${checked.invalidRows} dòng lỗi, ví dụ: ${JSON.stringify(checked.problems.items.slice(0, 3))}`,
    );
  }
  if (checked.status !== 'previewed' || checked.validRows === 0) {
    throw new Error(`check failed: ${checked.message} ${JSON.stringify(checked.problems.items)}`);
  }
  await imports.confirmImport({
    db: database.db,
    actor,
    id: job.id,
    mode: checked.invalidRows ? 'valid_only' : 'all',
  });
  await whenFinished(job.id);
  const done = await imports.getImport({
    db: database.db,
    actor,
    id: job.id,
    problemPage: 1,
    problemPageSize: 1,
  });
  const t2 = now();
  if (done.status !== 'done') throw new Error(`import failed: ${done.message}`);
  return {
    fileBytes: content.length,
    checkMs: t1 - t0,
    writeMs: t2 - t1,
    totalMs: t2 - t0,
    imported: done.importedRows,
    invalid: checked.invalidRows,
  };
}

export async function runImportBench(
  opts: { url?: string; members?: number; seed?: number; xlsx?: boolean } = {},
): Promise<ImportBenchResult> {
  const url =
    opts.url ??
    process.env.BENCH_IMPORT_DATABASE_URL ??
    'postgres://postgres@127.0.0.1:5432/canbo_import_bench';
  const n = opts.members ?? 100_000;
  configureZodMessages();
  log(`\n▶ Nhập dữ liệu — ${n.toLocaleString('en')} members, ${url.replace(/:[^:@/]*@/, ':***@')}`);
  await recreate(url);
  const database = openPostgres(url);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'canbo-import-bench-'));
  fs.chmodSync(dir, 0o755);
  try {
    await runMigrations(database);
    const { actor, cell } = await setUp(database);
    const rows = [
      ...generateMembers(generateUnitTree({ grassrootsTarget: 70, seed: opts.seed }), n, opts.seed),
    ];
    const csvFile = path.join(dir, 'dang-vien.csv');
    const xlsxFile = path.join(dir, 'dang-vien.xlsx');
    const copyFile = path.join(dir, 'copy.csv');
    writeCsv(csvFile, rows);
    writeCopyCsv(copyFile, rows, cell);
    if (opts.xlsx !== false) await writeXlsxFile(xlsxFile, rows);

    const t0 = now();
    await database.query(`copy members (${copyColumns}) from '${copyFile}' with (format csv)`);
    const copyMs = now() - t0;
    log(`  COPY members: ${fmtMs(copyMs)}`);
    await empty(database);

    const csv = await timeImport(database, actor, cell.id, csvFile);
    log(
      `  CSV  : ${fmtMs(csv.totalMs)} (kiểm tra ${fmtMs(csv.checkMs)}, ghi ${fmtMs(csv.writeMs)}), ${csv.imported} dòng, ${(csv.totalMs / copyMs).toFixed(2)}× COPY`,
    );
    let xlsx: RunTimes | null = null;
    if (opts.xlsx !== false) {
      await empty(database);
      xlsx = await timeImport(database, actor, cell.id, xlsxFile);
      log(
        `  XLSX : ${fmtMs(xlsx.totalMs)} (kiểm tra ${fmtMs(xlsx.checkMs)}, ghi ${fmtMs(xlsx.writeMs)}), ${xlsx.imported} dòng`,
      );
    }
    const csvVsCopy = csv.totalMs / copyMs;
    // Every generated row must be written: a fast run that skipped rows proves nothing.
    const pass =
      csv.imported === n &&
      (!xlsx || xlsx.imported === n) &&
      csv.totalMs < TARGETS.csvMs &&
      csvVsCopy <= TARGETS.maxCopyRatio &&
      (!xlsx || xlsx.totalMs < TARGETS.xlsxMs);
    return { rows: n, csv, xlsx, copyMs, csvVsCopy, targets: TARGETS, pass };
  } finally {
    await database.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// `npx tsx bench/lib/import-bench.ts [members]` runs it alone.
if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  runImportBench({ members: Number(process.argv[2]) || undefined })
    .then((r) => {
      console.log(JSON.stringify(r, null, 2));
      process.exit(r.pass ? 0 : 1);
    })
    .catch((err: unknown) => {
      console.error(err);
      process.exit(1);
    });
}
