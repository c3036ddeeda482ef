/**
 * Importing appointments (quá trình giữ chức vụ): the person found by ID number (or party
 * card number) within the caller's scope, the post title by code or name, the unit by code
 * in the job's subtree; checked with the posts module's own rules, then written one by one
 * with an audit row on the person's record.
 */
import { and, eq, inArray, or, sql } from 'drizzle-orm';
import type { ImportProblem } from '../../contracts/imports.ts';
import { createAppointmentBody } from '../../contracts/posts.ts';
import { inScope, type Actor } from '../../core/access/actor.ts';
import type { Db } from '../../core/db/client.ts';
import { dataCheck, explain } from '../../core/rules/verdict.ts';
import { members } from '../members/members.schema.ts';
import { checkAppointmentDates, checkNoOverlap, checkUnitInForce } from '../posts/posts.rules.ts';
import { createAppointment } from '../posts/posts.service.ts';
import { appointments, postTitles } from '../posts/posts.schema.ts';
import { appointmentColumns } from './imports.columns.ts';
import { writingRow, type CheckContext, type Checked, type KindHandler } from './imports.check.ts';
import type { ImportKindDef } from './imports.service.ts';
import { unitsUnder, type UnitInfo } from './imports.repo.ts';
import { cite, headerOf, normKey } from './imports.rules.ts';

interface Person {
  id: number;
  fullName: string;
  birthDate: string;
  idNumber: string | null;
  cardNumber: string | null;
  unitPath: string;
}
interface Post {
  id: number;
  code: string;
  name: string;
}
interface Span {
  id: number;
  postTitleId: number;
  unitId: number;
  startDate: string;
  endDate: string | null;
}

export interface AppointmentRecord {
  person: Person;
  post: Post;
  unit: UnitInfo;
  body: ReturnType<typeof createAppointmentBody.parse>;
}

interface RowKeys {
  row: number;
  idNumber?: string;
  cardNumber?: string;
}

interface State {
  target: UnitInfo;
  units: Map<string, UnitInfo>;
  posts: Post[];
  /** Filled in `finish` once every row's person key is known (one query, not one per row). */
  rows: { row: number; keys: RowKeys; values: Record<string, unknown> }[];
}

const col = (field: string) => headerOf(appointmentColumns, field);
const personRule = dataCheck(
  'Người giữ chức vụ phải có hồ sơ đảng viên trong phạm vi quản lý, xác định bằng số CCCD hoặc số thẻ đảng viên',
);
const postRule = dataCheck('Chức danh phải có trong danh mục chức danh của hệ thống');
const unitRule = dataCheck('Nơi giữ chức vụ phải là tổ chức trong phạm vi quản lý');

function findPost(posts: Post[], text: string): Post | undefined {
  const k = normKey(text);
  return (
    posts.find((p) => p.code.toLowerCase() === text.toLowerCase()) ??
    posts.find((p) => normKey(p.name) === k)
  );
}

async function peopleByKeys(db: Db, actor: Actor, rows: RowKeys[]) {
  const ids = [...new Set(rows.map((r) => r.idNumber).filter((v): v is string => !!v))];
  const cards = [...new Set(rows.map((r) => r.cardNumber).filter((v): v is string => !!v))];
  if (!ids.length && !cards.length) return [];
  return db
    .select({
      id: members.id,
      fullName: members.fullName,
      birthDate: members.birthDate,
      idNumber: members.idNumber,
      cardNumber: members.cardNumber,
      unitPath: members.unitPath,
    })
    .from(members)
    .where(
      and(
        inScope(members.unitPath, actor),
        or(
          ids.length ? sql`${members.idNumber} = any(${sql.param(ids)}::text[])` : undefined,
          cards.length ? sql`${members.cardNumber} = any(${sql.param(cards)}::text[])` : undefined,
        ),
      ),
    );
}

async function spansOf(db: Db, actor: Actor, memberIds: number[]): Promise<Map<number, Span[]>> {
  const out = new Map<number, Span[]>();
  if (!memberIds.length) return out;
  const rows = await db
    .select({
      id: appointments.id,
      memberId: appointments.memberId,
      postTitleId: appointments.postTitleId,
      unitId: appointments.unitId,
      startDate: appointments.startDate,
      endDate: appointments.endDate,
    })
    .from(appointments)
    .where(and(inArray(appointments.memberId, memberIds), inScope(appointments.unitPath, actor)));
  for (const r of rows) out.set(r.memberId, [...(out.get(r.memberId) ?? []), r]);
  return out;
}

export const appointmentsHandler: KindHandler<AppointmentRecord, State> = {
  specs: appointmentColumns,

  async prepare(c: CheckContext): Promise<State> {
    const list = await unitsUnder(c.db, c.actor, c.job.unitPath);
    const target = list.find((u) => u.id === c.job.unitId);
    if (!target) throw new Error('the job unit is outside the caller scope');
    const posts = await c.db
      .select({ id: postTitles.id, code: postTitles.code, name: postTitles.name })
      .from(postTitles)
      .where(eq(postTitles.active, true));
    return { target, units: new Map(list.map((u) => [u.code, u])), posts, rows: [] };
  },

  checkRow(s, values, row, readable) {
    const problems: ImportProblem[] = [];
    const keys: RowKeys = {
      row,
      idNumber: typeof values['idNumber'] === 'string' ? values['idNumber'] : undefined,
      cardNumber: typeof values['cardNumber'] === 'string' ? values['cardNumber'] : undefined,
    };
    if (!keys.idNumber && !keys.cardNumber) {
      problems.push({
        row,
        column: col('idNumber'),
        message: cite(
          'cần số CCCD hoặc số thẻ đảng viên để xác định người giữ chức vụ',
          personRule,
        ),
      });
    }
    const postText = String(values['postTitle'] ?? '');
    if (!findPost(s.posts, postText)) {
      problems.push({
        row,
        column: col('postTitle'),
        message: cite(`không có chức danh "${postText}" trong danh mục`, postRule),
      });
    }
    const unitCode = String(values['unitCode'] ?? '');
    if (!s.units.has(unitCode)) {
      problems.push({
        row,
        column: col('unitCode'),
        message: cite(
          `không có tổ chức mã "${unitCode}" trực thuộc ${s.target.name} trong phạm vi quản lý của bạn`,
          unitRule,
        ),
      });
    }
    const parsed = createAppointmentBody.safeParse({
      ...values,
      postTitleId: 1,
      unitId: 1,
      endDate: values['endDate'] ?? null,
      decisionDate: values['decisionDate'] ?? null,
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        problems.push({ row, column: col(String(issue.path[0] ?? '')), message: issue.message });
      }
    }
    if (problems.length || !readable) return { problems };
    // The person is looked up for all rows at once; `finish` adds the row's record.
    s.rows.push({ row, keys, values });
    return { problems };
  },

  async finish(s, c, checked: Checked<AppointmentRecord>[]): Promise<ImportProblem[]> {
    const problems: ImportProblem[] = [];
    const people = await peopleByKeys(
      c.db,
      c.actor,
      s.rows.map((r) => r.keys),
    );
    const byId = new Map(people.filter((p) => p.idNumber).map((p) => [p.idNumber!, p]));
    const byCard = new Map(people.filter((p) => p.cardNumber).map((p) => [p.cardNumber!, p]));
    const spans = await spansOf(c.db, c.actor, [...new Set(people.map((p) => p.id))]);
    for (const { row, keys, values } of s.rows) {
      const fail = (field: string, message: string) =>
        problems.push({ row, column: col(field), message });
      const person =
        (keys.idNumber && byId.get(keys.idNumber)) ||
        (keys.cardNumber && byCard.get(keys.cardNumber));
      if (!person) {
        fail(
          keys.idNumber ? 'idNumber' : 'cardNumber',
          cite('không có đảng viên nào với số này trong phạm vi quản lý của bạn', personRule),
        );
        continue;
      }
      const name = typeof values['fullName'] === 'string' ? values['fullName'] : '';
      if (name && normKey(name) !== normKey(person.fullName)) {
        fail(
          'fullName',
          cite(`họ tên không khớp với hồ sơ có số này (${person.fullName})`, personRule),
        );
        continue;
      }
      const post = findPost(s.posts, String(values['postTitle']))!;
      const unit = s.units.get(String(values['unitCode']))!;
      const body = createAppointmentBody.parse({
        ...values,
        postTitleId: post.id,
        unitId: unit.id,
        endDate: values['endDate'] ?? null,
        decisionDate: values['decisionDate'] ?? null,
      });
      const dated = checkAppointmentDates(body, person);
      for (const p of dated) fail(p.field, explain(p.verdict));
      const inForce = checkUnitInForce(body, unit);
      if (!inForce.ok) fail('unitCode', explain(inForce));
      const mine = spans.get(person.id) ?? [];
      const overlap = checkNoOverlap(body, mine, { post: post.name, unit: unit.name });
      if (!overlap.ok) fail('startDate', explain(overlap));
      if (dated.length || !inForce.ok || !overlap.ok) continue;
      // Later rows of the file count as existing for the overlap rule.
      spans.set(person.id, [...mine, { id: -row, ...body }]);
      checked.push({ row, record: { person, post, unit, body } });
    }
    return problems;
  },
};

/**
 * Each row through the posts module's own use case (inside the import's transaction): the
 * form's checks run once more on the live data, and the person's history gets its audit row.
 */
async function writeAppointments(
  tx: Db,
  actor: Actor,
  rows: Checked<AppointmentRecord>[],
  onRow: (written: number) => void,
): Promise<number> {
  let written = 0;
  for (const { row, record } of rows) {
    await writingRow(row, () =>
      createAppointment({ db: tx, actor, memberId: record.person.id, body: record.body }),
    );
    onRow(++written);
  }
  return written;
}

export const appointmentsKind: ImportKindDef = {
  noun: 'lần giữ chức vụ',
  handler: appointmentsHandler,
  write: (tx, actor, job, rows, onProgress) => writeAppointments(tx, actor, rows, onProgress),
};
