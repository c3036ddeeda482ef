import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  CompletenessPage,
  DocumentTypeList,
  DossierDocumentDto,
  DossierDto,
} from '../../contracts/dossiers.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import {
  makeMember,
  makeUnit,
  makeUser,
  signIn,
  type Client,
  type MemberRow,
  type UnitRow,
} from '../../testing/factories.ts';
import { multipart, sampleExe, samplePdf, samplePng } from './dossiers.fixtures.ts';
import { membersMissingRequiredDocuments } from './dossiers.service.ts';

let t: TestApp;
let city: UnitRow;
let ward: UnitRow;
let other: UnitRow;
let person: MemberRow;
let officer: Client;
let secretOfficer: Client;
let reader: Client;
let outsider: Client;
let types: DocumentTypeList['items'];

const typeId = (process: string, code: string) =>
  types.find((x) => x.process === process && x.typeCode === code)!.id;

async function upload(
  client: Client,
  memberId: number,
  type: number,
  file: { name: string; content: Buffer; contentType?: string },
) {
  const body = multipart({ typeId: type }, file);
  return client.send({
    method: 'POST',
    url: `/api/members/${memberId}/documents`,
    payload: body.payload,
    headers: body.headers,
  });
}

const counts = async () => {
  const [row] = await t.database.query<{ d: number; f: number; a: number }>(
    `select (select count(*)::int from dossier_documents) as d,
            (select count(*)::int from stored_files) as f,
            (select count(*)::int from audit_log) as a`,
  );
  return row!;
};

beforeAll(async () => {
  t = await createTestApp();
  city = await makeUnit(t.db, { name: 'Đảng bộ Thành phố Thử', type: 'province' });
  ward = await makeUnit(t.db, { parent: city, name: 'Đảng bộ phường Hồ Sơ', type: 'commune' });
  other = await makeUnit(t.db, { name: 'Đảng bộ Tỉnh Khác', type: 'province' });
  person = await makeMember(t.db, ward, { fullName: 'Nguyễn Thị Hồ Sơ' });
  officer = await signIn(t.app, (await makeUser(t.db, ward, { roles: ['officer'] })).username);
  const secret = await makeUser(t.db, ward, { roles: ['officer'] });
  await t.database.query(`update users set permissions = '{sensitive}' where id = $1`, [secret.id]);
  secretOfficer = await signIn(t.app, secret.username);
  reader = await signIn(t.app, (await makeUser(t.db, ward, { roles: ['reader'] })).username);
  outsider = await signIn(t.app, (await makeUser(t.db, other, { roles: ['officer'] })).username);
  types = (await reader.get('/api/document-types')).json<DocumentTypeList>().items;
});
afterAll(() => t.close());

describe('shipped document types', () => {
  it('ships the 11 categories of the candidacy file and a cadre record list', async () => {
    const candidacy = types.filter((x) => x.process === 'candidacy');
    expect(candidacy).toHaveLength(11);
    expect(candidacy.every((x) => x.required)).toBe(true);
    expect(candidacy.find((x) => x.typeCode === 'ke_khai_tai_san')?.sensitive).toBe(true);
    expect(types.filter((x) => x.process === 'cadre_record').length).toBeGreaterThan(5);
  });
});

describe('upload, download, review', () => {
  it('stores a PDF, serves it back as an attachment to a reader of the subtree', async () => {
    const content = samplePdf();
    const res = await upload(officer, person.id, typeId('cadre_record', 'so_yeu_ly_lich_2c'), {
      name: '../../Sơ yếu lý lịch 2C.PDF',
      content,
      contentType: 'text/html',
    });
    expect(res.statusCode, res.body).toBe(201);
    const doc = res.json<DossierDocumentDto>();
    expect(doc.status).toBe('pending');
    expect(doc.fileName).toBe('Sơ yếu lý lịch 2C.pdf');
    expect(doc.mimeType).toBe('application/pdf');
    const [stored] = await t.database.query<{ sha256: string }>(
      `select f.sha256 from stored_files f join dossier_documents d on d.file_id = f.id where d.id = $1`,
      [doc.id],
    );
    expect(stored!.sha256).toBe(createHash('sha256').update(content).digest('hex'));

    const file = await reader.get(`/api/documents/${doc.id}/file`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['x-content-type-options']).toBe('nosniff');
    expect(String(file.headers['content-disposition'])).toMatch(/^attachment; /);
    expect(String(file.headers['content-disposition'])).toContain(
      encodeURIComponent('Sơ yếu lý lịch 2C.pdf'),
    );
    expect(file.rawPayload.equals(content)).toBe(true);

    const history = await reader.get(`/api/history/member/${person.id}`);
    expect(history.body).toContain('Tải lên giấy tờ “Sơ yếu lý lịch mẫu 2C-TCTW-98”');
  });

  it('verifies, then rejects with a reason; a rejected document does not count', async () => {
    const type = typeId('cadre_record', 'giay_kham_suc_khoe');
    const doc = (
      await upload(officer, person.id, type, { name: 'suc-khoe.png', content: samplePng() })
    ).json<DossierDocumentDto>();
    const verified = await officer.post(`/api/documents/${doc.id}/review`, {
      outcome: 'verified',
      version: doc.version,
    });
    expect(verified.statusCode, verified.body).toBe(200);
    expect(verified.json<DossierDocumentDto>().status).toBe('verified');
    const dossier = async () =>
      (
        await reader.get(`/api/members/${person.id}/dossier?process=cadre_record`)
      ).json<DossierDto>();
    const before = (await dossier()).verifiedRequiredCount;

    const noReason = await officer.post(`/api/documents/${doc.id}/review`, {
      outcome: 'rejected',
      version: doc.version + 1,
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().fields[0].field).toBe('reason');

    const stale = await officer.post(`/api/documents/${doc.id}/review`, {
      outcome: 'rejected',
      reason: 'Ảnh mờ',
      version: doc.version,
    });
    expect(stale.statusCode).toBe(409);

    const rejected = await officer.post(`/api/documents/${doc.id}/review`, {
      outcome: 'rejected',
      reason: 'Ảnh mờ, không đọc được kết luận',
      version: doc.version + 1,
    });
    expect(rejected.statusCode).toBe(200);
    const after = await dossier();
    expect(after.verifiedRequiredCount).toBe(before - 1);
    const item = after.items.find((i) => i.type.id === type)!;
    expect(item.current?.status).toBe('rejected');
    expect(item.current?.rejectReason).toBe('Ảnh mờ, không đọc được kết luận');

    const byReader = await reader.post(`/api/documents/${doc.id}/review`, {
      outcome: 'verified',
      version: doc.version + 2,
    });
    expect(byReader.statusCode).toBe(403);
  });

  it('a new upload for the same type supersedes the previous one, which stays on record', async () => {
    const type = typeId('cadre_record', 'quyet_dinh_bo_nhiem');
    const first = (
      await upload(officer, person.id, type, { name: 'qd-1.pdf', content: samplePdf('1') })
    ).json<DossierDocumentDto>();
    await officer.post(`/api/documents/${first.id}/review`, { outcome: 'verified', version: 1 });
    const second = await upload(officer, person.id, type, {
      name: 'qd-2.pdf',
      content: samplePdf('2'),
    });
    expect(second.statusCode).toBe(201);
    const dossier = (
      await reader.get(`/api/members/${person.id}/dossier?process=cadre_record`)
    ).json<DossierDto>();
    const item = dossier.items.find((i) => i.type.id === type)!;
    expect(item.current?.fileName).toBe('qd-2.pdf');
    expect(item.current?.status).toBe('pending');
    expect(item.previous.map((p) => p.fileName)).toEqual(['qd-1.pdf']);
    expect(item.previous[0]!.supersededAt).not.toBeNull();
    // The old file is still there to download, but no longer reviewable.
    expect((await reader.get(`/api/documents/${first.id}/file`)).statusCode).toBe(200);
    const late = await officer.post(`/api/documents/${first.id}/review`, {
      outcome: 'rejected',
      reason: 'x',
      version: 2,
    });
    expect(late.statusCode).toBe(400);
    expect(late.json().message).toContain('đã được thay bằng bản tải lên sau');
  });
});

describe('refusals leave nothing behind', () => {
  const cases: [string, () => Promise<{ statusCode: number; body: string }>, number, string][] = [
    [
      'an .exe renamed .pdf',
      () =>
        upload(officer, person.id, typeId('cadre_record', 'so_yeu_ly_lich_2c'), {
          name: 'ly-lich.pdf',
          content: sampleExe(),
          contentType: 'application/pdf',
        }),
      400,
      'Nội dung thật của tệp là tệp EXE',
    ],
    [
      'a text file named .png',
      () =>
        upload(officer, person.id, typeId('cadre_record', 'so_yeu_ly_lich_2c'), {
          name: 'anh.png',
          content: Buffer.from('plain text, not an image'),
        }),
      400,
      'chỉ nhận PDF, DOCX, JPG, PNG',
    ],
    [
      'an empty file',
      () =>
        upload(officer, person.id, typeId('cadre_record', 'so_yeu_ly_lich_2c'), {
          name: 'rong.pdf',
          content: Buffer.alloc(0),
        }),
      400,
      'Tệp rỗng (0 byte)',
    ],
    [
      'a file over the type limit',
      () =>
        upload(officer, person.id, typeId('cadre_record', 'giay_kham_suc_khoe'), {
          name: 'to.pdf',
          content: Buffer.concat([samplePdf(), Buffer.alloc(10 * 1024 * 1024 + 1)]),
        }),
      400,
      'vượt dung lượng tối đa 10 MB của loại giấy tờ “Giấy khám sức khỏe”',
    ],
    [
      'a file over the system ceiling',
      () =>
        upload(officer, person.id, typeId('cadre_record', 'giay_kham_suc_khoe'), {
          name: 'qua-lon.pdf',
          content: Buffer.concat([samplePdf(), Buffer.alloc(21 * 1024 * 1024)]),
        }),
      400,
      'vượt giới hạn 20 MB',
    ],
    [
      'a reader (not a writer)',
      () =>
        upload(reader, person.id, typeId('cadre_record', 'so_yeu_ly_lich_2c'), {
          name: 'a.pdf',
          content: samplePdf(),
        }),
      403,
      '',
    ],
    [
      'an officer of another subtree',
      () =>
        upload(outsider, person.id, typeId('cadre_record', 'so_yeu_ly_lich_2c'), {
          name: 'a.pdf',
          content: samplePdf(),
        }),
      404,
      '',
    ],
    [
      'a sensitive type without the permission',
      () =>
        upload(officer, person.id, typeId('cadre_record', 'ke_khai_tai_san'), {
          name: 'tai-san.pdf',
          content: samplePdf(),
        }),
      403,
      'thuộc phần mật',
    ],
  ];
  for (const [what, send, status, text] of cases) {
    it(`refuses ${what}`, async () => {
      const before = await counts();
      const res = await send();
      expect(res.statusCode, res.body).toBe(status);
      if (text) expect(res.body).toContain(text);
      expect(await counts()).toEqual(before);
    });
  }

  it('hides another subtree’s documents and dossiers (404, never the content)', async () => {
    const doc = (
      await upload(officer, person.id, typeId('candidacy', 'don_ung_cu'), {
        name: 'don.pdf',
        content: samplePdf(),
      })
    ).json<DossierDocumentDto>();
    expect((await outsider.get(`/api/documents/${doc.id}/file`)).statusCode).toBe(404);
    expect((await outsider.get(`/api/members/${person.id}/dossier`)).statusCode).toBe(404);
  });

  it('serves sensitive files only with the permission; status stays visible', async () => {
    const type = typeId('cadre_record', 'ke_khai_tai_san');
    const res = await upload(secretOfficer, person.id, type, {
      name: 'tai-san.pdf',
      content: samplePdf(),
    });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json<DossierDocumentDto>().id;
    expect((await secretOfficer.get(`/api/documents/${id}/file`)).statusCode).toBe(200);
    const denied = await reader.get(`/api/documents/${id}/file`);
    expect(denied.statusCode).toBe(403);
    expect(denied.body).toContain('Quy định phân quyền của CanBo');
    const seen = (await reader.get(`/api/members/${person.id}/dossier`)).json<DossierDto>();
    const item = seen.items.find((i) => i.type.id === type)!;
    expect(item.current?.status).toBe('pending');
    expect(item.current?.fileName).toBeNull();
    expect(item.current?.canDownload).toBe(false);
  });
});

describe('completeness', () => {
  it('counts verified required types per person and per list, with the missing names', async () => {
    const cell = await makeUnit(t.db, {
      parent: ward,
      name: 'Chi bộ Đủ Hồ Sơ',
      type: 'grassroots_cell',
    });
    const full = await makeMember(t.db, cell, { fullName: 'Trần Văn Đủ' });
    const half = await makeMember(t.db, cell, { fullName: 'Lê Thị Thiếu' });
    const candidacy = types.filter((x) => x.process === 'candidacy');
    for (const type of candidacy) {
      const client = type.sensitive ? secretOfficer : officer;
      const doc = (
        await upload(client, full.id, type.id, { name: 'x.pdf', content: samplePdf(type.typeCode) })
      ).json<DossierDocumentDto>();
      const ok = await client.post(`/api/documents/${doc.id}/review`, {
        outcome: 'verified',
        version: doc.version,
      });
      expect(ok.statusCode, ok.body).toBe(200);
    }
    for (const type of candidacy.slice(0, 9)) {
      const client = type.sensitive ? secretOfficer : officer;
      const doc = (
        await upload(client, half.id, type.id, { name: 'y.pdf', content: samplePdf() })
      ).json<DossierDocumentDto>();
      await client.post(`/api/documents/${doc.id}/review`, {
        outcome: 'verified',
        version: doc.version,
      });
    }
    const one = (
      await reader.get(`/api/members/${half.id}/dossier?process=candidacy`)
    ).json<DossierDto>();
    expect(one.requiredCount).toBe(11);
    expect(one.verifiedRequiredCount).toBe(9);
    expect(one.complete).toBe(false);
    expect(one.summary).toBe('Còn thiếu 2 loại: 9/11 loại bắt buộc đã xác minh');

    const list = (
      await reader.get(`/api/dossiers/completeness?unitId=${cell.id}&process=candidacy`)
    ).json<CompletenessPage>();
    expect(list.total).toBe(2);
    expect(list.required).toBe(11);
    const byName = Object.fromEntries(list.items.map((i) => [i.fullName, i]));
    expect(byName['Trần Văn Đủ']).toMatchObject({ verifiedRequired: 11, missing: [] });
    expect(byName['Lê Thị Thiếu']).toMatchObject({
      verifiedRequired: 9,
      missing: [candidacy[9]!.typeName, candidacy[10]!.typeName],
    });
    const incomplete = (
      await reader.get(
        `/api/dossiers/completeness?unitId=${cell.id}&process=candidacy&completeness=incomplete`,
      )
    ).json<CompletenessPage>();
    expect(incomplete.items.map((i) => i.fullName)).toEqual(['Lê Thị Thiếu']);
    const paged = (
      await reader.get(
        `/api/dossiers/completeness?unitId=${cell.id}&process=candidacy&pageSize=1&page=2`,
      )
    ).json<CompletenessPage>();
    expect(paged.items).toHaveLength(1);
    expect(paged.total).toBe(2);
    const outside = (
      await outsider.get(`/api/dossiers/completeness?unitId=${cell.id}&process=candidacy`)
    ).json<CompletenessPage>();
    expect(outside.items).toEqual([]);

    const xlsx = await reader.get(
      `/api/dossiers/completeness/export?unitId=${cell.id}&process=candidacy&completeness=all`,
    );
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const cells: string[] = [];
    book.worksheets[0]!.eachRow((row) => cells.push((row.values as unknown[]).join('|')));
    const text = cells.join('\n');
    expect(text).toContain('TÌNH TRẠNG HỒ SƠ: HỒ SƠ NHÂN SỰ ỨNG CỬ CẤP ỦY (QUY ĐỊNH 190-QĐ/TW)');
    expect(text).toContain('Tổng số: 2 người.');
    expect(text).toContain(
      `Lê Thị Thiếu|Chi bộ Đủ Hồ Sơ|9/11|0 / 0|${candidacy[9]!.typeName}; ${candidacy[10]!.typeName}`,
    );
    expect(text).toContain('Trần Văn Đủ|Chi bộ Đủ Hồ Sơ|11/11|0 / 0|Đủ');
  });

  it('lists post holders missing required cadre documents, for the warnings dashboard', async () => {
    const cell = await makeUnit(t.db, {
      parent: ward,
      name: 'Chi bộ Cán Bộ',
      type: 'grassroots_cell',
    });
    const holder = await makeMember(t.db, cell, { fullName: 'Đỗ Văn Đương Chức' });
    const former = await makeMember(t.db, cell, { fullName: 'Vũ Thị Đã Nghỉ' });
    // Still holds the post on paper, but is no longer a member here: not a warning.
    const deceased = await makeMember(t.db, cell, {
      fullName: 'Lý Văn Từ Trần',
      status: 'deceased',
    });
    await makeMember(t.db, cell, { fullName: 'Hoàng Văn Không Chức' });
    const [post] = await t.database.query<{ id: number }>(
      `insert into post_titles (code, name, level, sector) values ('dossier_test_head', 'Bí thư', 'head', 'party') returning id`,
    );
    for (const [m, end] of [
      [holder, null],
      [former, '2024-12-31'],
      [deceased, null],
    ] as const) {
      await t.database.query(
        `insert into appointments (member_id, post_title_id, unit_id, unit_path, start_date, end_date, method)
         values ($1, $2, $3, $4, '2020-10-01', $5, 'elected')`,
        [m.id, post!.id, cell.id, cell.path, end],
      );
    }
    const verified = (
      await upload(officer, holder.id, typeId('cadre_record', 'so_yeu_ly_lich_2c'), {
        name: 'll.pdf',
        content: samplePdf(),
      })
    ).json<DossierDocumentDto>();
    await officer.post(`/api/documents/${verified.id}/review`, { outcome: 'verified', version: 1 });
    const actor = {
      userId: 0,
      username: 'x',
      displayName: 'x',
      unitId: ward.id,
      scopePath: ward.path,
      roles: ['reader' as const],
      permissions: [],
      memberId: null,
    };
    const result = await membersMissingRequiredDocuments({ db: t.db, actor, unitId: cell.id });
    const required = types.filter((x) => x.process === 'cadre_record' && x.required);
    expect(result.total).toBe(1);
    expect(result.items).toEqual([
      {
        memberId: holder.id,
        fullName: 'Đỗ Văn Đương Chức',
        unitName: 'Chi bộ Cán Bộ',
        missing: required.filter((x) => x.typeCode !== 'so_yeu_ly_lich_2c').map((x) => x.typeName),
      },
    ]);
    const elsewhere = await membersMissingRequiredDocuments({
      db: t.db,
      actor: { ...actor, scopePath: other.path },
      unitId: cell.id,
    });
    expect(elsewhere).toEqual({ items: [], total: 0 });
  });

  it('a transferred member takes their documents along', async () => {
    const elsewhere = await makeUnit(t.db, { parent: other, name: 'Chi bộ Nơi Mới' });
    const mover = await makeMember(t.db, ward, { fullName: 'Phạm Văn Chuyển' });
    const doc = (
      await upload(officer, mover.id, typeId('cadre_record', 'so_yeu_ly_lich_2c'), {
        name: 'll.pdf',
        content: samplePdf(),
      })
    ).json<DossierDocumentDto>();
    await t.database.query(`update members set unit_id = $1, unit_path = $2 where id = $3`, [
      elsewhere.id,
      elsewhere.path,
      mover.id,
    ]);
    expect((await officer.get(`/api/documents/${doc.id}/file`)).statusCode).toBe(404);
    expect((await outsider.get(`/api/documents/${doc.id}/file`)).statusCode).toBe(200);
  });
});

describe('document type catalogue', () => {
  it('only a top-level administrator adds and changes types; each change is audited', async () => {
    const root = await signIn(t.app, (await makeUser(t.db, city, { roles: ['admin'] })).username);
    const wardAdmin = await signIn(
      t.app,
      (await makeUser(t.db, ward, { roles: ['admin'] })).username,
    );
    const body = {
      process: 'cadre_record',
      typeCode: 'ban_cam_ket',
      typeName: 'Bản cam kết',
      allowedKinds: ['pdf', 'pdf'],
      maxSizeMb: 5,
    };
    const refused = await wardAdmin.post('/api/document-types', body);
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toContain('quản trị hệ thống ở tổ chức cấp cao nhất');
    expect((await officer.post('/api/document-types', body)).statusCode).toBe(403);

    const created = await root.post('/api/document-types', body);
    expect(created.statusCode, created.body).toBe(201);
    const type = created.json<DocumentTypeList['items'][number]>();
    expect(type.allowedKinds).toEqual(['pdf']);
    expect((await root.post('/api/document-types', body)).statusCode).toBe(400);

    const retired = await root.patch(`/api/document-types/${type.id}`, {
      ...body,
      description: '',
      required: true,
      sensitive: false,
      sortOrder: 500,
      active: false,
      version: type.version,
    });
    expect(retired.statusCode, retired.body).toBe(200);
    const listed = (
      await reader.get('/api/document-types?process=cadre_record')
    ).json<DocumentTypeList>();
    expect(listed.items.some((x) => x.id === type.id)).toBe(false);
    expect(listed.canManage).toBe(false);
    const upload1 = await upload(officer, person.id, type.id, {
      name: 'a.pdf',
      content: samplePdf(),
    });
    expect(upload1.statusCode).toBe(400);
    expect(upload1.body).toContain('đã ngừng sử dụng');
    const audit = await t.database.query<{ action: string }>(
      `select action from audit_log where entity_type = 'document_type' and entity_id = $1 order by id`,
      [type.id],
    );
    expect(audit.map((a) => a.action)).toEqual(['create', 'archive']);
  });
});
