import { ruleEntries } from './rules.schema.ts';
import type { ModuleAccess } from '../../testing/access-types.ts';

/** An override inside A (with the marker in its document) that B must neither see nor change. */
export const rulesAccess: ModuleAccess = {
  async seed({ db, world }) {
    const [row] = await db
      .insert(ruleEntries)
      .values({
        key: 'tenure.max_months_head',
        value: 84,
        valueUnit: 'months',
        document: 'Quy định riêng của Đảng bộ phường Alpha',
        unitId: world.unitA.id,
        unitPath: world.unitA.path,
        validFrom: '2024-01-01',
      })
      .returning();
    return { ruleEntryA: row!.id };
  },
  samples: {
    'GET /api/rules': [() => ({ url: '/api/rules' })],
    'GET /api/rules/:key': [() => ({ url: '/api/rules/tenure.max_months_head' })],
    'GET /api/rules/:key/resolve': [
      (w) => ({ url: `/api/rules/tenure.max_months_head/resolve?unitId=${w.cellA.id}` }),
    ],
    'GET /api/rules/:key/history': [() => ({ url: '/api/rules/tenure.max_months_head/history' })],
    'POST /api/rules/:key/entries': [
      (w) => ({
        url: '/api/rules/tenure.max_months_head/entries',
        payload: {
          value: 12,
          document: 'Văn bản thử',
          unitId: w.unitA.id,
          validFrom: '2026-01-01',
        },
      }),
      () => ({
        url: '/api/rules/tenure.max_months_head/entries',
        payload: { value: 12, document: 'Văn bản thử', unitId: null, validFrom: '2026-01-01' },
      }),
    ],
    'PATCH /api/rules/entries/:id': [
      (w) => ({
        url: `/api/rules/entries/${w.ids.ruleEntryA}`,
        payload: { version: 1, validTo: '2026-12-31' },
      }),
    ],
  },
  tables: ['rule_entries'],
};
