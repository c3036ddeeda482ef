import type { ModuleAccess } from '../../testing/access-types.ts';
import { signIn } from '../../testing/factories.ts';
import { multipart, samplePdf } from './dossiers.fixtures.ts';

const uploadTo = (memberId: number, typeId: number) => {
  const body = multipart(
    { typeId },
    { name: 'alpha-moi.pdf', content: samplePdf('alpha'), contentType: 'application/pdf' },
  );
  return {
    url: `/api/members/${memberId}/documents`,
    payload: body.payload,
    headers: body.headers,
  };
};

/** Requests the access walk aims at subtree A for this module's routes (see access.test.ts). */
export const dossiersAccess: ModuleAccess = {
  async seed({ app, database, world }) {
    const [type] = await database.query<{ id: number }>(
      `select id from document_types where process = 'cadre_record' and not sensitive
       order by sort_order limit 1`,
    );
    const officerA = await signIn(app, 'alpha.officer');
    const body = multipart(
      { typeId: type!.id },
      { name: 'alpha-ly-lich.pdf', content: samplePdf('alpha'), contentType: 'application/pdf' },
    );
    const res = await officerA.send({
      method: 'POST',
      url: `/api/members/${world.memberA.id}/documents`,
      payload: body.payload,
      headers: body.headers,
    });
    if (res.statusCode !== 201) throw new Error(`dossier seed: ${res.statusCode} ${res.body}`);
    const documentA = res.json<{ id: number }>().id;
    // Rejected with a reason that names A, so a leaked review shows up too.
    const review = await officerA.post(`/api/documents/${documentA}/review`, {
      outcome: 'rejected',
      reason: 'Bản alpha chưa có dấu xác nhận',
      version: 1,
    });
    if (review.statusCode !== 200) throw new Error(`dossier seed review: ${review.body}`);
    return { documentA, dossierTypeShared: type!.id };
  },
  samples: {
    'GET /api/document-types': [
      () => ({ url: '/api/document-types' }),
      () => ({ url: '/api/document-types?process=cadre_record&includeInactive=true' }),
    ],
    'POST /api/document-types': [
      () => ({
        url: '/api/document-types',
        payload: {
          process: 'cadre_record',
          typeCode: 'loai_moi',
          typeName: 'Loại mới',
          allowedKinds: ['pdf'],
          maxSizeMb: 5,
        },
      }),
    ],
    'PATCH /api/document-types/:id': [
      (w) => ({
        url: `/api/document-types/${w.ids['dossierTypeShared']}`,
        payload: {
          typeName: 'Đổi tên',
          description: '',
          required: false,
          sensitive: false,
          allowedKinds: ['pdf'],
          maxSizeMb: 5,
          sortOrder: 1,
          active: false,
          version: 1,
        },
      }),
    ],
    'GET /api/members/:id/dossier': [
      (w) => ({ url: `/api/members/${w.memberA.id}/dossier` }),
      (w) => ({ url: `/api/members/${w.memberA.id}/dossier?process=candidacy` }),
    ],
    'POST /api/members/:id/documents': [(w) => uploadTo(w.memberA.id, w.ids['dossierTypeShared']!)],
    'GET /api/documents/:id/file': [(w) => ({ url: `/api/documents/${w.ids['documentA']}/file` })],
    'POST /api/documents/:id/review': [
      (w) => ({
        url: `/api/documents/${w.ids['documentA']}/review`,
        payload: { outcome: 'verified', version: 2 },
      }),
    ],
    'GET /api/dossiers/completeness': [
      () => ({ url: '/api/dossiers/completeness' }),
      (w) => ({ url: `/api/dossiers/completeness?unitId=${w.unitA.id}&process=cadre_record` }),
      (w) => ({
        url: `/api/dossiers/completeness?unitId=${w.unitA.id}&completeness=incomplete&postHolders=true`,
      }),
    ],
    'GET /api/dossiers/completeness/export': [
      () => ({ url: '/api/dossiers/completeness/export' }),
      (w) => ({ url: `/api/dossiers/completeness/export?unitId=${w.unitA.id}&completeness=all` }),
    ],
  },
  tables: ['document_types', 'dossier_documents', 'stored_files'],
};
