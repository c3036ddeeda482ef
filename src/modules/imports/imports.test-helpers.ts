/** Building spreadsheets and driving an import through the HTTP API, for the import tests. */
import ExcelJS from 'exceljs';
import type { ImportDetailDto, ImportJobDto } from '../../contracts/imports.ts';
import { multipartBody, type Client } from '../../testing/factories.ts';
import { whenFinished } from './imports.jobs.ts';
import { buildTemplate } from './imports.templates.ts';
import { memberRuleValues } from '../members/members.rules.ts';
import { shippedRuleSet } from '../rules/registry.ts';

export const HEAD = [
  'Họ và tên khai sinh',
  'Giới tính',
  'Ngày sinh (dd/mm/yyyy)',
  'Dân tộc',
  'Tôn giáo',
  'Số CCCD/định danh',
  'Ngày vào Đảng (dd/mm/yyyy)',
  'Ngày chính thức (dd/mm/yyyy)',
  'Tình trạng đảng viên',
];

/** A CSV text from rows of cells (quoted where needed). */
export function csvOf(rows: (string | number)[][], delimiter = ','): Buffer {
  const quote = (v: string | number) => {
    const s = String(v);
    return /[",;\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return Buffer.from(rows.map((r) => r.map(quote).join(delimiter)).join('\r\n') + '\r\n');
}

/** The members template with data rows written from row 3 (under the example row). */
export async function filledTemplate(rows: Record<string, string | number | Date>[]) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(
    (await buildTemplate(
      'members',
      memberRuleValues(shippedRuleSet(), '', '2026-01-01'),
    )) as unknown as ArrayBuffer,
  );
  const ws = wb.worksheets[0]!;
  const headers = (ws.getRow(1).values as unknown[]).map((v) => String(v ?? ''));
  rows.forEach((r, i) => {
    const row = ws.getRow(3 + i);
    row.getCell(1).value = i + 1;
    for (const [header, value] of Object.entries(r)) {
      const col = headers.indexOf(header);
      if (col < 1) throw new Error(`no column ${header}`);
      row.getCell(col).value = value;
    }
    row.commit();
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function upload(
  client: Client,
  opts: { kind?: string; unitId: number; name: string; content: Buffer },
) {
  const body = multipartBody(
    { kind: opts.kind ?? 'members', unitId: String(opts.unitId) },
    { name: opts.name, content: opts.content },
  );
  return client.send({ method: 'POST', url: '/api/imports', ...body });
}

/** The job once its background work has ended. */
export async function settled(client: Client, id: number, query = ''): Promise<ImportDetailDto> {
  await whenFinished(id);
  const res = await client.get(`/api/imports/${id}${query}`);
  if (res.statusCode !== 200) throw new Error(`GET job ${id}: ${res.statusCode} ${res.body}`);
  return res.json<ImportDetailDto>();
}

/** Uploads and waits for the preview. */
export async function preview(
  client: Client,
  opts: { kind?: string; unitId: number; name: string; content: Buffer },
): Promise<ImportDetailDto> {
  const res = await upload(client, opts);
  if (res.statusCode !== 201) throw new Error(`upload: ${res.statusCode} ${res.body}`);
  return settled(client, res.json<ImportJobDto>().id, '?problemPageSize=500');
}

export async function confirm(client: Client, id: number, mode: 'all' | 'valid_only') {
  const res = await client.post(`/api/imports/${id}/confirm`, { mode });
  return { res, job: res.statusCode === 200 ? await settled(client, id) : null };
}
