import type { ModuleAccess } from '../../testing/access-types.ts';
import { multipartBody } from '../../testing/factories.ts';
import { storeFile } from './imports.repo.ts';
import { importJobs } from './imports.schema.ts';

const csv = Buffer.from(
  'Họ và tên khai sinh,Giới tính,Ngày sinh (dd/mm/yyyy),Dân tộc,Tôn giáo,Tình trạng đảng viên\n' +
    'Lê Văn Alpha,Nam,01/01/1980,Kinh,Không,Dự bị\n',
);

/** Requests the access walk aims at subtree A for this module's routes (see access.test.ts). */
export const importsAccess: ModuleAccess = {
  async seed({ db, world }) {
    const fileId = await storeFile(db, csv, 'text/csv');
    const [job] = await db
      .insert(importJobs)
      .values({
        kind: 'members',
        unitId: world.cellA.id,
        unitPath: world.cellA.path,
        fileName: 'alpha.csv',
        fileId,
        status: 'previewed',
        totalRows: 1,
        validRows: 1,
        processedRows: 1,
        problems: [{ row: 2, column: 'Họ và tên khai sinh', message: 'alpha' }],
        message: 'alpha',
      })
      .returning();
    return { importA: job!.id };
  },
  samples: {
    'GET /api/imports/templates/:kind.xlsx': [
      () => ({ url: '/api/imports/templates/members.xlsx' }),
    ],
    'GET /api/imports': [
      () => ({ url: '/api/imports' }),
      () => ({ url: '/api/imports?limit=100' }),
    ],
    'POST /api/imports': [
      (w) => ({
        url: '/api/imports',
        ...multipartBody(
          { kind: 'members', unitId: String(w.cellA.id) },
          { name: 'alpha.csv', content: csv, type: 'text/csv' },
        ),
      }),
      (w) => ({
        url: '/api/imports',
        ...multipartBody(
          { kind: 'units', unitId: String(w.unitA.id) },
          { name: 'alpha.csv', content: csv, type: 'text/csv' },
        ),
      }),
    ],
    'GET /api/imports/:id': [(w) => ({ url: `/api/imports/${w.ids['importA']}` })],
    'POST /api/imports/:id/confirm': [
      (w) => ({ url: `/api/imports/${w.ids['importA']}/confirm`, payload: { mode: 'all' } }),
    ],
    'POST /api/imports/:id/cancel': [(w) => ({ url: `/api/imports/${w.ids['importA']}/cancel` })],
    'GET /api/members/export.xlsx': [
      () => ({ url: '/api/members/export.xlsx' }),
      (w) => ({ url: `/api/members/export.xlsx?unitId=${w.unitA.id}` }),
      () => ({ url: '/api/members/export.xlsx?q=alpha' }),
    ],
  },
  tables: ['import_jobs', 'stored_files'],
};
