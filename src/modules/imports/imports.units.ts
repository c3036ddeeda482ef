/**
 * Importing party organisations: each row a new unit under a parent given by code (an
 * existing unit of the job's subtree, or a unit of an earlier row), checked with the same
 * rules as the form, then created one by one through the units module's own use case.
 */
import type { ImportProblem } from '../../contracts/imports.ts';
import type { UnitType } from '../../contracts/enums.ts';
import { createUnitBody } from '../../contracts/units.ts';
import type { Actor } from '../../core/access/actor.ts';
import type { Db } from '../../core/db/client.ts';
import { dataCheck, explain } from '../../core/rules/verdict.ts';
import { canHoldChildren } from '../units/units.rules.ts';
import { createUnit } from '../units/units.service.ts';
import { unitColumns } from './imports.columns.ts';
import { writingRow, type CheckContext, type Checked, type KindHandler } from './imports.check.ts';
import { takenUnitCodes, unitsUnder, type UnitInfo } from './imports.repo.ts';
import { cite, headerOf } from './imports.rules.ts';

export interface UnitRecord {
  /** An existing parent, or the code of a unit created by an earlier row. */
  parent: { existing: UnitInfo } | { fileCode: string; row: number };
  type: UnitType;
  code: string;
  name: string;
  locality: string;
  validFrom: string;
}

interface State {
  target: UnitInfo;
  existing: Map<string, UnitInfo>;
  /** Codes of the file's rows so far: code → row and type. */
  inFile: Map<string, { row: number; type: UnitType | null }>;
  codeRows: { row: number; code: string }[];
}

const col = (field: string) => headerOf(unitColumns, field);
const uniqueCode = dataCheck('Mã tổ chức đảng là duy nhất trong toàn hệ thống');
const parentRule = dataCheck(
  'Tổ chức cấp trên phải là tổ chức đang hoạt động trong phạm vi quản lý (hoặc ở dòng phía trên trong tệp)',
);

export const unitsHandler: KindHandler<UnitRecord, State> = {
  specs: unitColumns,

  async prepare(c: CheckContext): Promise<State> {
    const list = await unitsUnder(c.db, c.actor, c.job.unitPath);
    const target = list.find((u) => u.id === c.job.unitId);
    if (!target) throw new Error('the job unit is outside the caller scope');
    return {
      target,
      existing: new Map(list.map((u) => [u.code, u])),
      inFile: new Map(),
      codeRows: [],
    };
  },

  checkRow(s, values, row) {
    const problems: ImportProblem[] = [];
    const code = typeof values['code'] === 'string' ? values['code'] : '';
    const parsed = createUnitBody.omit({ parentId: true }).safeParse(values);
    if (code) {
      s.codeRows.push({ row, code });
      if (!s.inFile.has(code)) {
        s.inFile.set(code, { row, type: parsed.success ? parsed.data.type : null });
      }
    }
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        problems.push({ row, column: col(String(issue.path[0] ?? '')), message: issue.message });
      }
    }
    const parentCode = String(values['parentCode'] ?? '');
    const existing = s.existing.get(parentCode);
    const earlier = s.inFile.get(parentCode);
    let parent: UnitRecord['parent'] | undefined;
    if (existing) {
      if (existing.status !== 'active') {
        problems.push({
          row,
          column: col('parentCode'),
          message: cite(`${existing.name} đã hết hiệu lực`, parentRule),
        });
      } else {
        const v = canHoldChildren(existing.type as UnitType);
        if (!v.ok) problems.push({ row, column: col('parentCode'), message: explain(v) });
        parent = { existing };
      }
    } else if (earlier && earlier.row < row) {
      if (earlier.type) {
        const v = canHoldChildren(earlier.type);
        if (!v.ok) problems.push({ row, column: col('parentCode'), message: explain(v) });
      }
      parent = { fileCode: parentCode, row: earlier.row };
    } else {
      problems.push({
        row,
        column: col('parentCode'),
        message: cite(
          `không có tổ chức mã "${parentCode}" trực thuộc ${s.target.name} (hay ở dòng phía trên trong tệp)`,
          parentRule,
        ),
      });
    }
    if (problems.length || !parsed.success || !parent) return { problems };
    return { record: { parent, ...parsed.data }, problems };
  },

  async finish(s, c, checked: Checked<UnitRecord>[]): Promise<ImportProblem[]> {
    const problems: ImportProblem[] = [];
    const firstRow = new Map<string, number>();
    for (const { row, code } of s.codeRows) {
      const first = firstRow.get(code);
      if (first === undefined) firstRow.set(code, row);
      else {
        problems.push({
          row,
          column: col('code'),
          message: cite(`mã "${code}" trùng với dòng ${first} trong tệp`, uniqueCode),
        });
      }
    }
    const taken = await takenUnitCodes(c.db, [...firstRow.keys()]);
    for (const { row, code } of s.codeRows) {
      if (taken.has(code) && firstRow.get(code) === row) {
        problems.push({
          row,
          column: col('code'),
          message: cite(`mã "${code}" đã được dùng cho một tổ chức khác`, uniqueCode),
        });
      }
    }
    // A unit whose parent row is held back cannot be created either.
    const held = new Set(problems.map((p) => p.row));
    const validRows = new Set(checked.map((r) => r.row));
    for (const { row, record } of checked) {
      if (!('fileCode' in record.parent)) continue;
      const parentRow = record.parent.row;
      if (held.has(parentRow) || !validRows.has(parentRow)) {
        held.add(row);
        problems.push({
          row,
          column: col('parentCode'),
          message: cite(
            `tổ chức cấp trên ở dòng ${parentRow} có lỗi nên không tạo được`,
            parentRule,
          ),
        });
      }
    }
    return problems;
  },
};

/** Creates the units in file order through the units use case (its checks and audit). */
export async function writeUnits(
  tx: Db,
  actor: Actor,
  rows: Checked<UnitRecord>[],
  onRow: (written: number) => void,
): Promise<number> {
  const created = new Map<string, number>();
  let written = 0;
  for (const { row, record } of rows) {
    const parentId =
      'existing' in record.parent ? record.parent.existing.id : created.get(record.parent.fileCode);
    if (parentId === undefined) throw new Error(`parent ${JSON.stringify(record.parent)} missing`);
    const { unit } = await writingRow(row, () =>
      createUnit(
        { db: tx, actor },
        {
          parentId,
          type: record.type,
          code: record.code,
          name: record.name,
          locality: record.locality,
          validFrom: record.validFrom,
        },
      ),
    );
    created.set(unit.code, unit.id);
    onRow(++written);
  }
  return written;
}
