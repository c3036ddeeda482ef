/**
 * Importing members: each row checked with the form's own rules (the createMemberBody schema
 * and checkMemberRecord), placed in the chosen unit or a unit of its subtree by code, then
 * written in batches of set-based statements.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import { createMemberBody, type MemberFields } from '../../contracts/members.ts';
import type { ImportProblem } from '../../contracts/imports.ts';
import type { Actor } from '../../core/access/actor.ts';
import type { Db } from '../../core/db/client.ts';
import { explain } from '../../core/rules/verdict.ts';
import {
  canHoldMembers,
  checkMemberRecord,
  memberRuleValues,
  type MemberRuleValues,
} from '../members/members.rules.ts';
import { loadRules } from '../rules/registry.ts';
import { derived } from '../members/members.service.ts';
import { memberColumns, UNIT_CODE_KEY } from './imports.columns.ts';
import {
  ImportRefused,
  type CheckContext,
  type Checked,
  type CheckResult,
  type KindHandler,
} from './imports.check.ts';
import {
  insertMemberBatch,
  memberInsertFields,
  takenIdNumbers,
  unitsUnder,
  type JobRow,
  type MemberInsertField,
  type UnitInfo,
} from './imports.repo.ts';
import { byRow, duplicatesInFile, headerOf, takenIdNumberMessage } from './imports.rules.ts';

export interface MemberRecord {
  fields: MemberFields;
  unit: UnitInfo;
}

interface State {
  today: string;
  /** The Party Statute's numbers from the rule registry, for the job's unit, today. */
  params: MemberRuleValues;
  target: UnitInfo;
  byCode: Map<string, UnitInfo>;
  byCodeFolded: Map<string, UnitInfo>;
  /** Every row's readable ID number, valid row or not, for the duplicate checks. */
  idRows: { row: number; idNumber: string | null }[];
}

const idHeader = headerOf(memberColumns, 'idNumber')!;
const unitHeader = headerOf(memberColumns, UNIT_CODE_KEY)!;
const columnOf = (field: string) => headerOf(memberColumns, field);

function unitOfRow(s: State, code: unknown): { unit?: UnitInfo; message?: string } {
  if (typeof code !== 'string' || !code) return { unit: s.target };
  const unit = s.byCode.get(code) ?? s.byCodeFolded.get(code.toLowerCase());
  if (!unit) {
    return {
      message: `không có tổ chức đảng mã "${code}" trực thuộc ${s.target.name} trong phạm vi quản lý của bạn`,
    };
  }
  return { unit };
}

export const membersHandler: KindHandler<MemberRecord, State> = {
  specs: memberColumns,

  async prepare(c: CheckContext): Promise<State> {
    const list = await unitsUnder(c.db, c.actor, c.job.unitPath);
    const target = list.find((u) => u.id === c.job.unitId);
    if (!target) throw new Error('the job unit is outside the caller scope');
    return {
      today: c.today,
      params: memberRuleValues(await loadRules(c.db), c.job.unitPath, c.today),
      target,
      byCode: new Map(list.map((u) => [u.code, u])),
      byCodeFolded: new Map(list.map((u) => [u.code.toLowerCase(), u])),
      idRows: [],
    };
  },

  checkRow(s, values, row) {
    const problems: ImportProblem[] = [];
    const idNumber = typeof values['idNumber'] === 'string' ? values['idNumber'] : null;
    s.idRows.push({ row, idNumber });
    const { [UNIT_CODE_KEY]: code, ...fields } = values;
    const placed = unitOfRow(s, code);
    if (placed.message) problems.push({ row, column: unitHeader, message: placed.message });
    else {
      const verdict = canHoldMembers(placed.unit!);
      if (!verdict.ok) {
        problems.push({
          row,
          column: code ? unitHeader : null,
          message: `${placed.unit!.name}: ${explain(verdict)}`,
        });
      }
    }
    const parsed = createMemberBody.safeParse({ ...fields, unitId: placed.unit?.id ?? 1 });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? '');
        problems.push({ row, column: columnOf(field), message: issue.message });
      }
      return { problems };
    }
    const { unitId: _unitId, ...record } = parsed.data;
    for (const p of checkMemberRecord(record, s.today, s.params)) {
      problems.push({ row, column: columnOf(p.field), message: explain(p.verdict) });
    }
    if (problems.length) return { problems };
    return { record: { fields: record, unit: placed.unit! }, problems };
  },

  async finish(s, c): Promise<ImportProblem[]> {
    const problems = duplicatesInFile(s.idRows, idHeader);
    const inFile = new Set(problems.map((p) => p.row));
    const candidates = s.idRows.filter((r) => r.idNumber && !inFile.has(r.row));
    const taken = await takenIdNumbers(c.db, [...new Set(candidates.map((r) => r.idNumber!))]);
    for (const r of candidates) {
      if (taken.has(r.idNumber!)) {
        problems.push({ row: r.row, column: idHeader, message: takenIdNumberMessage() });
      }
    }
    return problems;
  },
};

/**
 * The checks of a cached preview that depend on the database, run again right before
 * writing: each row's unit still open to members in scope, its ID number still free.
 */
export async function recheckMembers(
  c: CheckContext,
  result: CheckResult<MemberRecord>,
): Promise<CheckResult<MemberRecord>> {
  const units = new Map((await unitsUnder(c.db, c.actor, c.job.unitPath)).map((u) => [u.id, u]));
  const problems = [...result.problems];
  const held = new Set<number>();
  for (const { row, record } of result.valid) {
    const unit = units.get(record.unit.id);
    const verdict = unit ? canHoldMembers(unit) : null;
    if (!unit || !verdict!.ok) {
      held.add(row);
      problems.push({
        row,
        column: unitHeader,
        message: unit
          ? `${unit.name}: ${explain(verdict!)}`
          : `${record.unit.name} không còn trong phạm vi quản lý của bạn`,
      });
    }
  }
  const taken = await takenIdNumbers(
    c.db,
    result.valid.map((r) => r.record.fields.idNumber).filter((v): v is string => !!v),
  );
  for (const { row, record } of result.valid) {
    if (record.fields.idNumber && taken.has(record.fields.idNumber)) {
      held.add(row);
      problems.push({ row, column: idHeader, message: takenIdNumberMessage() });
    }
  }
  if (!held.size) return result;
  return {
    ...result,
    valid: result.valid.filter((r) => !held.has(r.row)),
    problems: problems.sort(byRow),
  };
}

/** Members per INSERT statement. */
export const MEMBER_BATCH = 5000;

/**
 * Writes the checked members inside the caller's transaction; `onBatch` reports progress and
 * may throw to stop (cancel), which rolls everything back.
 */
export async function writeMembers(
  tx: Db,
  actor: Actor,
  job: JobRow,
  rows: Checked<MemberRecord>[],
  today: string,
  onBatch: (written: number) => void,
): Promise<number> {
  // A record saved between the check and this transaction could hold one of the ID numbers.
  const ids = rows.map((r) => r.record.fields.idNumber).filter((v): v is string => !!v);
  const taken = await takenIdNumbers(tx, ids);
  if (taken.size) {
    const first = rows.find((r) => r.record.fields.idNumber && taken.has(r.record.fields.idNumber));
    throw new ImportRefused(
      `Dòng ${first?.row}: số CCCD/định danh ${takenIdNumberMessage()} (hồ sơ được thêm sau lúc kiểm tra tệp); hãy tải tệp lên để kiểm tra lại.`,
    );
  }
  // Each batch is built while the previous one is being written (one connection, in order).
  let written = 0;
  let pending: Promise<number> | null = null;
  const settle = async () => {
    if (!pending) return;
    written += await pending;
    onBatch(written);
  };
  for (let i = 0; i < rows.length; i += MEMBER_BATCH) {
    const slice = rows.slice(i, i + MEMBER_BATCH);
    const batch = Object.fromEntries(memberInsertFields.map((f) => [f, [] as unknown[]])) as Record<
      MemberInsertField,
      unknown[]
    >;
    for (let j = 0; j < slice.length; j++) {
      const { fields, unit } = slice[j]!.record;
      const d = derived(fields);
      const full: Record<MemberInsertField, unknown> = {
        ...fields,
        unitId: unit.id,
        unitPath: unit.path,
        searchText: d.searchText,
        sortKey: d.sortKey,
      };
      for (const f of memberInsertFields) batch[f].push(full[f] ?? null);
      if (j % 1000 === 999) await nextTurn();
    }
    await settle();
    pending = insertMemberBatch(tx, actor, batch, {
      today,
      jobId: job.id,
      fileName: job.fileName,
    });
    // Awaited at the next turn; until then a failure must not count as unhandled.
    pending.catch(() => undefined);
  }
  await settle();
  return written;
}
