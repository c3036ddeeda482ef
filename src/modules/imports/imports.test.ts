import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportJobDto } from '../../contracts/imports.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import {
  makeMember,
  makeUnit,
  makeUser,
  signIn,
  type Client,
  type UnitRow,
} from '../../testing/factories.ts';
import { allFinished } from './imports.jobs.ts';
import { failInterruptedImports, INTERRUPTED_MESSAGE } from './imports.service.ts';
import { importJobs } from './imports.schema.ts';
import { postTitles } from '../posts/posts.schema.ts';
import {
  confirm,
  csvOf,
  filledTemplate,
  HEAD,
  preview,
  settled,
  upload,
} from './imports.test-helpers.ts';

let t: TestApp;
let commune: UnitRow;
let cell: UnitRow;
let cell2: UnitRow;
let otherCell: UnitRow;
let officer: Client;
let outsider: Client;

const good = (name: string, id: string) => [
  name,
  'Nữ',
  '14/03/1985',
  'Kinh',
  'Không',
  id,
  '19/05/2010',
  '19/05/2011',
  'Chính thức',
];

async function count(sql: string, params: unknown[] = []): Promise<number> {
  const [row] = await t.database.query<{ n: number }>(sql, params);
  return Number(row?.n ?? 0);
}

beforeAll(async () => {
  t = await createTestApp();
  const root = await makeUnit(t.db, { name: 'Đảng bộ Thành phố Thử', type: 'province' });
  commune = await makeUnit(t.db, { parent: root, type: 'commune', name: 'Đảng bộ phường Nhập' });
  cell = await makeUnit(t.db, {
    parent: commune,
    type: 'grassroots_cell',
    name: 'Chi bộ Nhập Một',
    code: 'NHAP-1',
  });
  cell2 = await makeUnit(t.db, {
    parent: commune,
    type: 'grassroots_cell',
    name: 'Chi bộ Nhập Hai',
    code: 'NHAP-2',
  });
  const other = await makeUnit(t.db, {
    parent: root,
    type: 'commune',
    name: 'Đảng bộ phường Khác',
  });
  otherCell = await makeUnit(t.db, { parent: other, type: 'grassroots_cell', name: 'Chi bộ Khác' });
  await makeMember(t.db, otherCell, { fullName: 'Hoàng Văn Đã Có', idNumber: '001080000999' });
  await makeUser(t.db, commune, { username: 'nhap.officer', roles: ['officer'] });
  await makeUser(t.db, other, { username: 'khac.officer', roles: ['officer'] });
  officer = await signIn(t.app, 'nhap.officer');
  outsider = await signIn(t.app, 'khac.officer');
});
afterAll(async () => {
  await allFinished();
  await t.close();
});

describe('templates', () => {
  it('members template: Vietnamese headings, dropdowns from the code lists, an example row, a guide', async () => {
    const res = await officer.get('/api/imports/templates/members.xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain('Mau-nhap-dang-vien.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Đảng viên', 'Hướng dẫn', 'Danh mục']);
    const ws = wb.worksheets[0]!;
    const headers = (ws.getRow(1).values as unknown[]).slice(1);
    expect(headers).toEqual(
      expect.arrayContaining(['STT', 'Họ và tên khai sinh', 'Giới tính', 'Ngày sinh (dd/mm/yyyy)']),
    );
    expect(headers).toContain('Số CCCD/định danh');
    expect(ws.getRow(2).getCell(1).value).toBe('Ví dụ');
    const genderCol = headers.indexOf('Giới tính') + 1;
    expect(ws.getCell(3, genderCol).dataValidation).toMatchObject({ type: 'list' });
    const lists = wb.getWorksheet('Danh mục')!;
    const column = (lists.getRow(1).values as unknown[]).indexOf('Tình trạng đảng viên');
    const labels = lists.getColumn(column).values.slice(2);
    expect(labels).toEqual(expect.arrayContaining(['Dự bị', 'Chính thức']));
    const guide = wb.getWorksheet('Hướng dẫn')!;
    expect(String(guide.getCell('A1').value)).toContain('Hướng dẫn nhập dữ liệu');
  });

  it('the units and appointments templates download too', async () => {
    const expected = {
      units: [
        'Tổ chức đảng',
        'Mã tổ chức cấp trên',
        'Loại tổ chức',
        'Ngày có hiệu lực (dd/mm/yyyy)',
      ],
      appointments: ['Chức vụ', 'Số CCCD/định danh', 'Mã hoặc tên chức danh', 'Hình thức'],
    };
    for (const [kind, [sheetName, ...headings]] of Object.entries(expected)) {
      const res = await officer.get(`/api/imports/templates/${kind}.xlsx`);
      expect(res.statusCode).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      expect(wb.worksheets.map((w) => w.name)).toEqual([sheetName, 'Hướng dẫn', 'Danh mục']);
      const row1 = (wb.worksheets[0]!.getRow(1).values as unknown[]).slice(1);
      expect(row1).toEqual(expect.arrayContaining(['STT', ...headings]));
    }
    expect((await officer.get('/api/imports/templates/khac.xlsx')).statusCode).toBe(400);
  });

  it('the untouched template is refused as having no data rows (the example row is not data)', async () => {
    const res = await officer.get('/api/imports/templates/members.xlsx');
    const job = await preview(officer, {
      unitId: cell.id,
      name: 'mau.xlsx',
      content: res.rawPayload,
    });
    expect(job.fileProblem).toBe(true);
    expect(job.problems.items[0]!.message).toContain('không có dòng dữ liệu nào');
  });
});

describe('a good file, end to end', () => {
  it('xlsx: preview lists nothing wrong, confirm writes members, history and audit', async () => {
    const content = await filledTemplate([
      {
        'Họ và tên khai sinh': 'Trần Thị Nhập Một',
        'Giới tính': 'Nữ',
        'Ngày sinh (dd/mm/yyyy)': new Date(Date.UTC(1986, 1, 3)),
        'Dân tộc': 'Tày',
        'Tôn giáo': 'Không',
        'Số CCCD/định danh': 1086000111, // typed as a number: leading zeros restored
        'Ngày vào Đảng (dd/mm/yyyy)': '02/09/2012',
        'Ngày chính thức (dd/mm/yyyy)': '02/09/2013',
        'Tình trạng đảng viên': 'Chính thức',
        'Trình độ chuyên môn cao nhất': 'Thạc sĩ',
        'Quê quán (tỉnh, thành phố)': 'Tỉnh Cao Bằng',
        'Mã tổ chức đảng': 'NHAP-1',
      },
      {
        'Họ và tên khai sinh': 'Lê Văn Nhập Hai',
        'Giới tính': 'Nam',
        'Ngày sinh (dd/mm/yyyy)': '20/10/1999',
        'Dân tộc': 'Kinh',
        'Tôn giáo': 'Phật giáo',
        'Ngày vào Đảng (dd/mm/yyyy)': '01/06/2025',
        'Tình trạng đảng viên': 'Dự bị',
        'Mã tổ chức đảng': 'NHAP-2',
      },
    ]);
    const job = await preview(officer, {
      unitId: commune.id,
      name: 'Danh sách đảng viên.xlsx',
      content,
    });
    expect(job.fileName).toBe('Danh sách đảng viên.xlsx');
    expect(job.problems.items).toEqual([]);
    expect(job).toMatchObject({ status: 'previewed', totalRows: 2, validRows: 2, invalidRows: 0 });
    expect(await count(`select count(*)::int n from members where full_name like '%Nhập%'`)).toBe(
      0,
    );

    const { res, job: done } = await confirm(officer, job.id, 'all');
    expect(res.statusCode).toBe(200);
    expect(done).toMatchObject({ status: 'done', importedRows: 2, processedRows: 2, mode: 'all' });

    const [one] = await t.database.query<Record<string, unknown>>(
      `select * from members where full_name = 'Trần Thị Nhập Một'`,
    );
    expect(one).toMatchObject({
      unit_id: cell.id,
      unit_path: cell.path,
      id_number: '001086000111',
      ethnicity: 'Tày',
      professional_level: 'master',
      hometown_province: 'Cao Bằng',
      gender: 'female',
      status: 'full',
    });
    const [two] = await t.database.query<Record<string, unknown>>(
      `select * from members where full_name = 'Lê Văn Nhập Hai'`,
    );
    expect(two).toMatchObject({ unit_id: cell2.id, status: 'probationary', official_date: null });
    // Found by the diacritic-free search, like a member created in the form.
    const found = await officer.get('/api/members?q=nhap%20hai');
    expect(found.json<{ items: { fullName: string }[] }>().items.map((i) => i.fullName)).toEqual([
      'Lê Văn Nhập Hai',
    ]);
    const member = (await officer.get(`/api/members/${one!['id']}`)).json<{
      unitHistory: { fromDate: string; reason: string }[];
    }>();
    expect(member.unitHistory).toEqual([
      expect.objectContaining({ fromDate: '2012-09-02', reason: 'joined' }),
    ]);
    const history = await officer.get(`/api/history/member/${one!['id']}`);
    expect(history.body).toContain('Danh sách đảng viên.xlsx');
    expect(
      await count(
        `select count(*)::int n from audit_log where entity_type = 'import' and entity_id = $1 and action = 'import'`,
        [job.id],
      ),
    ).toBe(1);
    const list = (await officer.get('/api/imports')).json<ImportJobDto[]>();
    expect(list.find((j) => j.id === job.id)).toMatchObject({
      status: 'done',
      createdBy: expect.any(String),
    });
  });

  it('csv with semicolons and a byte-order mark, as Excel saves it in a Vietnamese locale', async () => {
    const body = csvOf([HEAD, good('Phạm Thị Chấm Phẩy', '001090000321')], ';');
    const content = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]);
    const job = await preview(officer, { unitId: cell.id, name: 'nhap.csv', content });
    expect(job.problems.items).toEqual([]);
    expect(job.validRows).toBe(1);
  });
});

describe('broken files', () => {
  it('wrong and missing columns are named; nothing can be confirmed', async () => {
    const content = csvOf([
      ['Họ tên', 'Giới', 'Ngày sinh', 'Dân tộc', 'Tôn giáo'],
      ['Nguyễn Văn Sai Cột', 'Nam', '01/01/1980', 'Kinh', 'Không'],
    ]);
    const job = await preview(officer, { unitId: cell.id, name: 'sai-cot.csv', content });
    expect(job.fileProblem).toBe(true);
    const messages = job.problems.items.map((p) => `${p.row}|${p.column}|${p.message}`);
    expect(messages).toContainEqual(
      expect.stringContaining('1|Giới|Cột "Giới" không có trong mẫu'),
    );
    expect(messages).toContainEqual(
      expect.stringContaining('Thiếu cột bắt buộc: Giới tính, Tình trạng đảng viên'),
    );
    expect(messages.join()).toContain('Quy tắc kiểm tra dữ liệu của CanBo');
    const { res } = await confirm(officer, job.id, 'valid_only');
    expect(res.statusCode).toBe(409);
  });

  it('bad dates and rule breaks: row and column as Excel shows them, reason with its source', async () => {
    const content = csvOf([
      HEAD,
      good('Vũ Văn Ngày Sai', '001090000401').map((v, i) => (i === 2 ? '31/02/1980' : v)),
      good('Vũ Văn Dự Bị Ngắn', '001090000402').map((v, i) => (i === 7 ? '01/01/2011' : v)),
      good('Vũ Thị Giới Lạ', '001090000403').map((v, i) => (i === 1 ? 'Khác' : v)),
    ]);
    const job = await preview(officer, { unitId: cell.id, name: 'ngay-sai.csv', content });
    expect(job).toMatchObject({ totalRows: 3, validRows: 0, invalidRows: 3, fileProblem: false });
    const [a, b, c] = job.problems.items;
    expect(a).toMatchObject({ row: 2, column: 'Ngày sinh (dd/mm/yyyy)' });
    expect(a!.message).toContain('"31/02/1980" không phải ngày hợp lệ');
    expect(b).toMatchObject({ row: 3, column: 'Ngày chính thức (dd/mm/yyyy)' });
    expect(b!.message).toContain('12 tháng dự bị');
    expect(b!.message).toContain('Điều lệ Đảng Cộng sản Việt Nam (2011), Điều 5');
    expect(c).toMatchObject({ row: 4, column: 'Giới tính' });
    expect(c!.message).toContain('"Khác" không có trong danh sách (Nam, Nữ)');
  });

  it('duplicate ID numbers inside the file and against the database, without naming the other record', async () => {
    const content = csvOf([
      HEAD,
      good('Đỗ Văn Trùng A', '001090000501'),
      good('Đỗ Văn Không Trùng', '001090000502'),
      good('Đỗ Văn Trùng B', '001090000501'),
      good('Đỗ Văn Trùng Cũ', '001080000999'),
    ]);
    const job = await preview(officer, { unitId: cell.id, name: 'trung.csv', content });
    expect(job).toMatchObject({ totalRows: 4, validRows: 1 });
    const byRow = Object.fromEntries(job.problems.items.map((p) => [p.row, p]));
    expect(byRow[2]!.message).toContain('trùng số CCCD/định danh với dòng 4 trong tệp');
    expect(byRow[4]!.message).toContain('trùng số CCCD/định danh với dòng 2 trong tệp');
    expect(byRow[5]!.message).toContain('đã có trong một hồ sơ đảng viên khác');
    expect(JSON.stringify(job)).not.toContain('Hoàng Văn Đã Có');
    expect(JSON.stringify(job)).not.toContain('Chi bộ Khác');
  });

  it('a 0-byte file, a picture and an old .xls are refused by their content', async () => {
    const empty = await preview(officer, {
      unitId: cell.id,
      name: 'rong.xlsx',
      content: Buffer.alloc(0),
    });
    expect(empty.fileProblem).toBe(true);
    expect(empty.problems.items[0]!.message).toContain('rỗng (0 byte)');
    const png = Buffer.from(
      '89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
        '1f15c4890000000a49444154789c6300010000050001',
      'hex',
    );
    const pic = await preview(officer, { unitId: cell.id, name: 'anh.xlsx', content: png });
    expect(pic.problems.items[0]!.message).toContain('là tệp PNG, không phải bảng tính');
    const cfb = Buffer.alloc(1024);
    Buffer.from('d0cf11e0a1b11ae1', 'hex').copy(cfb);
    const xls = await preview(officer, { unitId: cell.id, name: 'cu.xls', content: cfb });
    expect(xls.problems.items[0]!.message).toContain('Excel 97-2003 (.xls)');
    const zipNotXlsx = Buffer.from('504b0304140000000000', 'hex');
    const broken = await preview(officer, {
      unitId: cell.id,
      name: 'hong.xlsx',
      content: zipNotXlsx,
    });
    expect(broken.fileProblem).toBe(true);
  });
});

describe('confirming', () => {
  it('"all" is refused while rows are bad (with the way out); "valid_only" writes only the good rows', async () => {
    const content = csvOf([
      HEAD,
      good('Bùi Văn Hợp Lệ Một', '001090000601'),
      good('Bùi Văn Lỗi', '12345'),
      good('Bùi Văn Hợp Lệ Hai', '001090000603'),
    ]);
    const job = await preview(officer, { unitId: cell.id, name: 'mot-phan.csv', content });
    expect(job).toMatchObject({ validRows: 2, invalidRows: 1 });
    expect(job.problems.items[0]).toMatchObject({ row: 3, column: 'Số CCCD/định danh' });

    const all = await confirm(officer, job.id, 'all');
    expect(all.res.statusCode).toBe(400);
    expect(all.res.json().message).toContain('Chỉ nhập các dòng hợp lệ');
    expect((await settled(officer, job.id)).status).toBe('previewed');

    const { res, job: done } = await confirm(officer, job.id, 'valid_only');
    expect(res.statusCode).toBe(200);
    expect(done).toMatchObject({ status: 'done', importedRows: 2, mode: 'valid_only' });
    expect(done!.message).toContain('bỏ qua 1 dòng lỗi');
    expect(await count(`select count(*)::int n from members where full_name like 'Bùi Văn%'`)).toBe(
      2,
    );
    // A job is confirmed once.
    expect(
      (await officer.post(`/api/imports/${job.id}/confirm`, { mode: 'valid_only' })).statusCode,
    ).toBe(409);
  });

  it('an ID number taken between preview and confirmation: nothing is written', async () => {
    const content = csvOf([
      HEAD,
      good('Mai Văn Chậm', '001090000701'),
      good('Mai Văn Kịp', '001090000702'),
    ]);
    const job = await preview(officer, { unitId: cell.id, name: 'cham.csv', content });
    expect(job.validRows).toBe(2);
    await makeMember(t.db, cell, { fullName: 'Mai Văn Nhanh Tay', idNumber: '001090000702' });
    const { job: after } = await confirm(officer, job.id, 'all');
    expect(after!.status).toBe('failed');
    expect(after!.message).toContain('Dữ liệu đã thay đổi');
    expect(
      await count(`select count(*)::int n from members where full_name = 'Mai Văn Chậm'`),
    ).toBe(0);
  });

  it('cancel: a previewed job cannot be confirmed afterwards; a finished job cannot be cancelled', async () => {
    const job = await preview(officer, {
      unitId: cell.id,
      name: 'huy.csv',
      content: csvOf([HEAD, good('Đinh Văn Hủy', '001090000801')]),
    });
    const res = await officer.post(`/api/imports/${job.id}/cancel`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'cancelled' });
    expect((await officer.post(`/api/imports/${job.id}/confirm`, { mode: 'all' })).statusCode).toBe(
      409,
    );
    expect((await officer.post(`/api/imports/${job.id}/cancel`)).statusCode).toBe(409);
    expect(
      await count(`select count(*)::int n from members where full_name = 'Đinh Văn Hủy'`),
    ).toBe(0);
  });

  it('a job left checking or importing by a stopped server is marked failed at start', async () => {
    const [row] = await t.db
      .insert(importJobs)
      .values({
        kind: 'members',
        unitId: cell.id,
        unitPath: cell.path,
        fileName: 'do-dang.csv',
        status: 'importing',
      })
      .returning();
    expect(await failInterruptedImports(t.db)).toBeGreaterThanOrEqual(1);
    const job = await settled(officer, row!.id);
    expect(job).toMatchObject({ status: 'failed', message: INTERRUPTED_MESSAGE });
  });
});

describe('scope', () => {
  it('another subtree neither sees the jobs nor imports into this one', async () => {
    const job = await preview(officer, {
      unitId: cell.id,
      name: 'pham-vi.csv',
      content: csvOf([HEAD, good('Tạ Văn Phạm Vi', '001090000901')]),
    });
    expect((await outsider.get(`/api/imports/${job.id}`)).statusCode).toBe(404);
    expect(
      (await outsider.post(`/api/imports/${job.id}/confirm`, { mode: 'all' })).statusCode,
    ).toBe(404);
    expect((await outsider.post(`/api/imports/${job.id}/cancel`)).statusCode).toBe(404);
    const list = (await outsider.get('/api/imports')).json<ImportJobDto[]>();
    expect(list.map((j) => j.id)).not.toContain(job.id);
    const res = await upload(outsider, { unitId: cell.id, name: 'x.csv', content: csvOf([HEAD]) });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('ngoài phạm vi');
    // Unit codes outside the job's unit are not found, even the outsider's own.
    const mine = await preview(officer, {
      unitId: cell.id,
      name: 'ma-ngoai.csv',
      content: csvOf([
        [...HEAD, 'Mã tổ chức đảng'],
        [...good('Tạ Văn Mã Ngoài', '001090000902'), otherCell.code],
      ]),
    });
    expect(mine.problems.items[0]!.message).toContain(
      `không có tổ chức đảng mã "${otherCell.code}"`,
    );
  });

  it('a reader may not import', async () => {
    await makeUser(t.db, commune, { username: 'nhap.reader', roles: ['reader'] });
    const reader = await signIn(t.app, 'nhap.reader');
    expect((await reader.get('/api/imports')).statusCode).toBe(403);
    const res = await upload(reader, { unitId: cell.id, name: 'x.csv', content: csvOf([HEAD]) });
    expect(res.statusCode).toBe(403);
  });
});

describe('exporting a filtered list', () => {
  it('the same rows, order and columns as the list on screen', async () => {
    const query = `unitId=${commune.id}&gender=female`;
    const listed = (await officer.get(`/api/members?${query}&pageSize=200`)).json<{
      items: { fullName: string }[];
    }>();
    expect(listed.items.length).toBeGreaterThan(1);
    const res = await officer.get(`/api/members/export.xlsx?${query}`);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(String(ws.getCell('A2').value)).toContain('Đảng bộ phường Nhập');
    const headerRow = 5;
    expect((ws.getRow(headerRow).values as unknown[]).slice(1)).toEqual([
      'STT',
      'Họ và tên',
      'Giới tính',
      'Ngày sinh',
      'Tổ chức đảng',
      'Tình trạng',
      'Ngày vào Đảng',
      'Trình độ chuyên môn',
      'LLCT',
    ]);
    const names: string[] = [];
    ws.eachRow((row, n) => {
      if (n > headerRow) names.push(String(row.getCell(2).value));
    });
    expect(names).toEqual(listed.items.map((i) => i.fullName));
    expect(ws.getRow(headerRow + 1).getCell(3).value).toBe('Nữ');
    expect(ws.getRow(headerRow + 1).getCell(4).value).toBeInstanceOf(Date);
  });

  it('another subtree exports nothing of this one', async () => {
    const res = await outsider.get(`/api/members/export.xlsx?unitId=${commune.id}`);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const text = JSON.stringify(wb.worksheets[0]!.getSheetValues());
    expect(text).not.toContain('Nhập');
    expect(text).toContain('Tổng số: 0 đảng viên');
  });
});

describe('units', () => {
  it('creates units under an existing parent and under a unit of an earlier row', async () => {
    const content = csvOf([
      [
        'Mã tổ chức cấp trên',
        'Loại tổ chức',
        'Mã tổ chức',
        'Tên tổ chức',
        'Địa bàn',
        'Ngày có hiệu lực (dd/mm/yyyy)',
      ],
      [
        commune.code,
        'Đảng bộ bộ phận',
        'NHAP-BP',
        'Đảng bộ bộ phận Nhập',
        'Phường Nhập',
        '01/07/2025',
      ],
      ['NHAP-BP', 'Chi bộ trực thuộc', 'NHAP-BP-1', 'Chi bộ Nhập Bộ Phận Một', '', '01/07/2025'],
      ['NHAP-1', 'Chi bộ trực thuộc', 'NHAP-X', 'Chi bộ dưới chi bộ', '', '01/07/2025'],
      [commune.code, 'Chi bộ trực thuộc', 'NHAP-1', 'Mã đã có', '', '01/07/2025'],
    ]);
    const job = await preview(officer, {
      kind: 'units',
      unitId: commune.id,
      name: 'to-chuc.csv',
      content,
    });
    expect(job).toMatchObject({ totalRows: 4, validRows: 2 });
    const byRow = Object.fromEntries(job.problems.items.map((p) => [p.row, p.message]));
    expect(byRow[4]).toContain('Chi bộ không có tổ chức đảng trực thuộc');
    expect(byRow[5]).toContain('đã được dùng');
    const { job: done } = await confirm(officer, job.id, 'valid_only');
    expect(done).toMatchObject({ status: 'done', importedRows: 2 });
    const rows = await t.database.query<{ code: string; path: string; parent_id: number }>(
      `select code, path, parent_id from units where code like 'NHAP-BP%' order by code`,
    );
    expect(rows).toHaveLength(2);
    expect(rows[1]!.path.startsWith(rows[0]!.path)).toBe(true);
    expect(rows[0]!.path.startsWith(commune.path)).toBe(true);
  });
});

describe('appointments', () => {
  it('finds the person by ID number in scope, the post by code or name, the unit by code', async () => {
    await t.db.insert(postTitles).values([
      { code: 'NHAP-BT', name: 'Bí thư chi bộ thử', level: 'head', sector: 'party' },
      { code: 'NHAP-PBT', name: 'Phó Bí thư chi bộ thử', level: 'deputy', sector: 'party' },
    ]);
    const holder = await makeMember(t.db, cell, {
      fullName: 'Quách Văn Giữ Chức',
      idNumber: '001075001234',
      birthDate: '1975-01-01',
    });
    const content = csvOf([
      [
        'Số CCCD/định danh',
        'Họ và tên',
        'Mã hoặc tên chức danh',
        'Mã tổ chức',
        'Ngày bắt đầu (dd/mm/yyyy)',
        'Ngày kết thúc (dd/mm/yyyy)',
        'Số quyết định',
        'Hình thức',
        'Kiêm nhiệm',
        'Nhiệm kỳ',
      ],
      [
        '001075001234',
        'Quách Văn Giữ Chức',
        'NHAP-BT',
        'NHAP-1',
        '01/08/2025',
        '',
        '12-QĐ/ĐU',
        'Bầu',
        'Không',
        '2025-2030',
      ],
      [
        '001075001234',
        '',
        'Phó Bí thư chi bộ thử',
        'NHAP-1',
        '01/07/2025',
        '31/07/2025',
        '',
        'Bổ nhiệm',
        '',
        '',
      ],
      ['001075001234', '', 'NHAP-BT', 'NHAP-1', '01/09/2025', '', '', 'Bầu', '', ''],
      ['001080000999', '', 'NHAP-BT', 'NHAP-1', '01/08/2025', '', '', 'Bầu', '', ''],
      [
        '001075001234',
        'Người Khác Tên',
        'Chức gì đó',
        'NHAP-1',
        '01/08/2025',
        '',
        '',
        'Bầu',
        '',
        '',
      ],
    ]);
    const job = await preview(officer, {
      kind: 'appointments',
      unitId: commune.id,
      name: 'chuc-vu.csv',
      content,
    });
    expect(job).toMatchObject({ totalRows: 5, validRows: 2 });
    const byRow = Object.fromEntries(job.problems.items.map((p) => [p.row, p.message]));
    expect(byRow[4]).toContain('trùng thời gian');
    expect(byRow[5]).toContain('không có đảng viên nào với số này trong phạm vi quản lý');
    expect(byRow[6]).toContain('không có chức danh "Chức gì đó"');
    expect(JSON.stringify(job)).not.toContain('Hoàng Văn Đã Có');
    const { job: done } = await confirm(officer, job.id, 'valid_only');
    expect(done).toMatchObject({ status: 'done', importedRows: 2 });
    const rows = await t.database.query<Record<string, unknown>>(
      `select a.*, a.start_date::text as start, p.code from appointments a join post_titles p on p.id = a.post_title_id
       where member_id = $1 order by start_date`,
      [holder.id],
    );
    expect(rows.map((r) => [r['code'], r['start'], r['method'], r['term']])).toEqual([
      ['NHAP-PBT', '2025-07-01', 'appointed', ''],
      ['NHAP-BT', '2025-08-01', 'elected', '2025-2030'],
    ]);
    const history = await officer.get(`/api/history/member/${holder.id}`);
    expect(history.body).toContain('Thêm chức vụ Bí thư chi bộ thử tại Chi bộ Nhập Một');
  });

  it('a row with a bad cell in an optional column is held back, not imported without that cell', async () => {
    const holder = await makeMember(t.db, cell2, {
      fullName: 'Lý Thị Ô Lỗi',
      idNumber: '001078004321',
      birthDate: '1978-01-01',
    });
    await t.db
      .insert(postTitles)
      .values([{ code: 'NHAP-UV', name: 'Chi ủy viên thử', level: 'member', sector: 'party' }]);
    const content = csvOf([
      [
        'Số CCCD/định danh',
        'Mã hoặc tên chức danh',
        'Mã tổ chức',
        'Ngày bắt đầu (dd/mm/yyyy)',
        'Ngày kết thúc (dd/mm/yyyy)',
        'Hình thức',
        'Kiêm nhiệm',
      ],
      ['001078004321', 'NHAP-UV', 'NHAP-2', '01/08/2025', '31/02/2026', 'Bầu', ''],
      ['001078004321', 'Chi ủy viên thử', 'NHAP-2', '01/07/2025', '', 'Bổ nhiệm', 'Có lẽ'],
    ]);
    const job = await preview(officer, {
      kind: 'appointments',
      unitId: commune.id,
      name: 'chuc-vu-loi.csv',
      content,
    });
    expect(job).toMatchObject({ totalRows: 2, validRows: 0, invalidRows: 2 });
    expect(job.problems.items.map((p) => [p.row, p.column])).toEqual([
      [2, 'Ngày kết thúc (dd/mm/yyyy)'],
      [3, 'Kiêm nhiệm'],
    ]);
    const refused = await officer.post(`/api/imports/${job.id}/confirm`, { mode: 'valid_only' });
    expect(refused.statusCode).toBe(409);
    expect(
      await count('select count(*) as n from appointments where member_id = $1', [holder.id]),
    ).toBe(0);
  });
});
