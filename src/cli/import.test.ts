import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../testing/harness.ts';
import { makeUnit, makeUser } from '../testing/factories.ts';
import type { Database } from '../core/db/client.ts';
import { runImportCommand, type ImportCommandIo } from './import.ts';

let database: Database;
let dir: string;
const HEAD =
  'Họ và tên khai sinh,Giới tính,Ngày sinh (dd/mm/yyyy),Dân tộc,Tôn giáo,Số CCCD/định danh,Tình trạng đảng viên,Ngày vào Đảng (dd/mm/yyyy)';

function file(name: string, lines: string[]): string {
  const p = path.join(dir, name);
  fs.writeFileSync(p, [HEAD, ...lines].join('\n') + '\n');
  return p;
}

function io(answer = false) {
  const lines: string[] = [];
  const value: ImportCommandIo = {
    out: (l) => lines.push(l),
    progress: () => {},
    ask: async () => answer,
  };
  return { lines, io: value, text: () => lines.join('\n') };
}

async function count(name: string) {
  const rows = await database.query<{ n: number }>(
    'select count(*)::int n from members where full_name like $1',
    [name],
  );
  return Number(rows[0]?.n ?? 0);
}

beforeAll(async () => {
  database = await createTestDatabase();
  const root = await makeUnit(database.db, { name: 'Đảng bộ Thành phố CLI', type: 'province' });
  await makeUnit(database.db, {
    parent: root,
    type: 'grassroots_cell',
    code: 'CLI-1',
    name: 'Chi bộ CLI',
  });
  await makeUser(database.db, root, { username: 'admin', roles: ['admin'] });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'canbo-cli-import-'));
});
afterAll(async () => {
  await database.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('npm run cli -- import members', () => {
  it('prints every bad row and writes nothing unless told to import only the valid rows', async () => {
    const p = file('loi.csv', [
      'Nguyễn Văn Dòng Tốt,Nam,01/02/1980,Kinh,Không,001080011111,Dự bị,01/01/2025',
      'Nguyễn Văn Dòng Xấu,Nam,30/02/1980,Kinh,Không,001080011112,Dự bị,01/01/2025',
    ]);
    const first = io();
    expect(
      await runImportCommand(database, ['members', p, '--unit', 'CLI-1', '--yes'], first.io),
    ).toBe(1);
    expect(first.text()).toContain(
      'Dòng 3, cột "Ngày sinh (dd/mm/yyyy)": "30/02/1980" không phải ngày hợp lệ',
    );
    expect(first.text()).toContain('--mode valid-only');
    expect(await count('Nguyễn Văn Dòng%')).toBe(0);

    const second = io();
    const code = await runImportCommand(
      database,
      ['members', p, '--unit', 'CLI-1', '--mode', 'valid-only', '--yes'],
      second.io,
    );
    expect(code).toBe(0);
    expect(second.text()).toContain('Đã nhập 1 đảng viên (bỏ qua 1 dòng lỗi).');
    expect(await count('Nguyễn Văn Dòng Tốt')).toBe(1);
  });

  it('asks before writing; a "no" writes nothing', async () => {
    const p = file('hoi.csv', [
      'Trần Thị Hỏi Lại,Nữ,01/02/1981,Kinh,Không,001081011113,Dự bị,01/01/2025',
    ]);
    const declined = io(false);
    expect(await runImportCommand(database, ['members', p, '--unit', 'CLI-1'], declined.io)).toBe(
      1,
    );
    expect(declined.text()).toContain('Chưa ghi gì');
    expect(await count('Trần Thị Hỏi Lại')).toBe(0);
    const accepted = io(true);
    expect(await runImportCommand(database, ['members', p, '--unit', 'CLI-1'], accepted.io)).toBe(
      0,
    );
    expect(await count('Trần Thị Hỏi Lại')).toBe(1);
  });

  it('an unknown unit code or a wrong call is a failure with a message', async () => {
    const p = file('ma.csv', []);
    const wrong = io();
    expect(await runImportCommand(database, ['members', p, '--unit', 'KHONG-CO'], wrong.io)).toBe(
      1,
    );
    expect(wrong.text()).toContain('Không có tổ chức đảng mã "KHONG-CO"');
    const usage = io();
    expect(await runImportCommand(database, ['members', p], usage.io)).toBe(2);
    expect(usage.text()).toContain('Cách dùng');
  });
});
