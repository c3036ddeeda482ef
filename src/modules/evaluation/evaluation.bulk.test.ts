import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../core/access/actor.ts';
import { rowsOf, type Database } from '../../core/db/client.ts';
import { today } from '../../core/dates.ts';
import { createTestDatabase } from '../../testing/harness.ts';
import { makeMember, makeUnit, type MemberRow, type UnitRow } from '../../testing/factories.ts';
import { loadRules } from '../rules/registry.ts';
import { taskRow } from '../tasks/tasks.factory.ts';
import { tasks } from '../tasks/tasks.schema.ts';
import { ratePeriod } from './evaluation.bulk.service.ts';
import { createPeriod, updatePeriod } from './evaluation.periods.service.ts';
import {
  demotedByQuota,
  rateIndividual,
  ratingRulesFor,
  type TaskCounts,
} from './evaluation.rules.ts';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

const outcomes = ['exceeded', 'on_time', 'late', 'not_done', null] as const;

/** An officer of `unit` (admin and officer roles, its subtree as scope). */
const officerAt = (unit: UnitRow, username: string): Actor => ({
  userId: 0,
  username,
  displayName: 'Cán bộ',
  unitId: unit.id,
  scopePath: unit.path,
  roles: ['admin', 'officer'],
  permissions: [],
  memberId: null,
});

/** The advisory step's proposal for one person or collective of the period (its triggers keep the score). */
const propose = (periodId: number, who: { memberId: number } | { unitId: number }, total: number) =>
  database.db.execute(sql`
    with e as (update evaluations set stage = 'advisory'
               where period_id = ${periodId}
                 and ${'memberId' in who ? sql`member_id = ${who.memberId}` : sql`target_unit_id = ${who.unitId}`}
               returning id)
    insert into evaluation_steps (evaluation_id, step, scores, total, actor_name)
    select id, 'advisory', '{}'::jsonb, ${total}, 'Ban tổ chức' from e`);

/** A year period for `unit`, opened through the use case. */
const openYear = (
  actor: Actor,
  unit: UnitRow,
  year: number,
  subject: 'individual' | 'collective',
  label: string,
) =>
  createPeriod({
    db: database.db,
    actor,
    body: {
      unitId: unit.id,
      kind: 'year',
      subject,
      year,
      label,
      startDate: `${year}-01-01`,
      endDate: `${year}-12-31`,
      note: '',
    },
  });

describe('rating a period at once (bulk)', () => {
  it('stores for every row exactly the rating, rule text, citations and task counts of the pure rules', async () => {
    const db = database.db;
    const unit = await makeUnit(db, { name: 'Đảng bộ phường Bưởi' });
    const cell = await makeUnit(db, { parent: unit, type: 'grassroots_cell', name: 'Chi bộ 1' });
    const people: MemberRow[] = [];
    for (let i = 0; i < 7; i++) people.push(await makeMember(db, cell));
    const actor = officerAt(unit, 'bulk_officer');
    const period = await openYear(actor, unit, 2025, 'individual', 'Năm 2025');
    // Varied task outcomes (member i gets i tasks), one task outside the period for everyone.
    const rows = people.flatMap((m, i) => [
      ...Array.from({ length: i }, (_, k) =>
        taskRow(cell, m.id, {
          deadline: `2025-0${1 + k}-15`,
          outcome: outcomes[(i + k) % outcomes.length],
        }),
      ),
      taskRow(cell, m.id, { deadline: '2026-01-15', outcome: 'late' }),
    ]);
    await db.insert(tasks).values(rows);
    // Advisory proposals 45, 55, … 100 for all but the last member (left undecided).
    const scores = [45, 58.5, 72, 89.99, 90, 95, 100];
    const proposed = people.slice(0, 6);
    for (const [i, m] of proposed.entries()) {
      await propose(period.id, { memberId: m.id }, scores[i]!);
    }

    const result = await ratePeriod({ db, actor, periodId: period.id });
    expect(result.rated).toBe(6);
    expect(result.skipped).toBe(1);

    const stored = rowsOf<{
      member_id: number;
      stage: string;
      rating: string | null;
      rating_rule: string;
      rating_citations: unknown;
      task_counts: TaskCounts | null;
    }>(
      await db.execute(sql`select e.member_id,
          case when d.evaluation_id is null then e.stage else 'decided' end as stage,
          d.rating, coalesce(d.rule_head || b.tail, '') as rating_rule,
          b.citations as rating_citations, b.task_counts
        from evaluations e left join evaluation_decisions d on d.evaluation_id = e.id
        left join evaluation_rating_bases b on b.id = d.basis_id
        where e.period_id = ${period.id}`),
    );
    const rules = ratingRulesFor(await loadRules(db), cell.path, today());
    for (const [i, m] of proposed.entries()) {
      const row = stored.find((r) => r.member_id === m.id)!;
      const counts = {
        total: i,
        exceeded: 0,
        onTime: 0,
        late: 0,
        notDone: 0,
        open: 0,
      };
      for (let k = 0; k < i; k++) {
        const o = outcomes[(i + k) % outcomes.length];
        if (o === 'exceeded') counts.exceeded++;
        else if (o === 'on_time') counts.onTime++;
        else if (o === 'late') counts.late++;
        else if (o === 'not_done') counts.notDone++;
        else counts.open++;
      }
      const expected = rateIndividual(scores[i]!, counts, rules);
      expect(row.stage).toBe('decided');
      expect(row.task_counts).toEqual(counts);
      expect(row.rating).toBe(expected.rating);
      // The text is sent in two parts; what is stored must be the rules' text, character for character.
      expect(row.rating_rule).toBe(expected.rule);
      expect(row.rating_citations).toEqual(expected.citations);
    }
    const idle = stored.find((r) => r.member_id === people[6]!.id)!;
    expect(idle).toMatchObject({ stage: 'none', rating: null, rating_rule: '' });
    // Rating again touches nothing: every proposal has been decided.
    expect((await ratePeriod({ db, actor, periodId: period.id })).rated).toBe(0);
  });
  it('keeps the quota per unit: highest scores first, ties by id, decisions already taken counted', async () => {
    const db = database.db;
    const unit = await makeUnit(db, { name: 'Đảng bộ phường Quảng An' });
    const cell = await makeUnit(db, { parent: unit, type: 'grassroots_cell', name: 'Chi bộ 2' });
    const actor = officerAt(unit, 'bulk_officer3');
    // 1 already decided "xuất sắc", then 5 who reach it and 9 "tốt": 15 tốt-or-above × 20% = 3
    // allowed, 1 taken, so 2 more: 99 and the first of the two 95,5; the rest go down to "tốt".
    const scores = [99, 95.5, 95.5, 92, 90, 89.99, 85, 80, 78, 75, 74, 72, 71, 70];
    const people: MemberRow[] = [];
    for (let i = 0; i <= scores.length; i++) people.push(await makeMember(db, cell));
    const period = await openYear(actor, unit, 2025, 'individual', 'Năm 2025');
    const task = {
      unitId: cell.id,
      unitPath: cell.path,
      periodKind: 'year',
      startYear: 2025,
      endYear: 2025,
      title: 'Việc mới',
      targets: [],
      milestones: [],
      status: 'approved',
      deadline: '2025-06-30',
      outcome: 'exceeded' as const,
    };
    await db.insert(tasks).values(people.map((m) => ({ ...task, memberId: m.id })));
    const [prior, ...proposed] = people;
    await db.execute(sql`
      insert into evaluation_decisions (evaluation_id, final_score, rating, rule_head, basis_id,
        decided_by)
      select id, 97, 'excellent', '', 0, 'Hội đồng' from evaluations
      where period_id = ${period.id} and member_id = ${prior!.id}`);
    for (const [i, m] of proposed.entries()) {
      await propose(period.id, { memberId: m.id }, scores[i]!);
    }

    const result = await ratePeriod({ db, actor, periodId: period.id });
    expect(result).toMatchObject({
      rated: 14,
      movedByQuota: 3,
      byRating: { excellent: 2, good: 12 },
    });
    expect(result.quotaRule).toContain('20%');

    const stored = rowsOf<{
      member_id: number;
      rating: string;
      rating_rule: string;
      rating_citations: unknown;
    }>(
      await db.execute(sql`select e.member_id, d.rating, d.rule_head || b.tail as rating_rule,
          b.citations as rating_citations
        from evaluations e join evaluation_decisions d on d.evaluation_id = e.id
        join evaluation_rating_bases b on b.id = d.basis_id
        where e.period_id = ${period.id} and e.member_id <> ${prior!.id}`),
    );
    const rules = await loadRules(db);
    const rating = ratingRulesFor(rules, cell.path, today());
    const quota = rules.get('evaluation.excellent_quota_percent', cell.path, today());
    const counts = { total: 1, exceeded: 1, onTime: 0, late: 0, notDone: 0, open: 0 };
    const kept = new Set([proposed[0]!.id, proposed[1]!.id]);
    for (const [i, m] of proposed.entries()) {
      const row = stored.find((r) => r.member_id === m.id)!;
      let expected = rateIndividual(scores[i]!, counts, rating);
      if (expected.rating === 'excellent' && !kept.has(m.id)) {
        expected = demotedByQuota(expected, quota);
      }
      expect(row.rating, `${scores[i]}`).toBe(kept.has(m.id) ? 'excellent' : 'good');
      expect(row.rating_rule).toBe(expected.rule);
      expect(row.rating_citations).toEqual(expected.citations);
    }
  });
  it('holds back a collective reaching xuất sắc for its own decision (sub-unit discipline)', async () => {
    const db = database.db;
    const unit = await makeUnit(db, { name: 'Đảng bộ phường Xuân La' });
    const strong = await makeUnit(db, { parent: unit, type: 'grassroots_cell', name: 'Chi bộ 5' });
    const steady = await makeUnit(db, { parent: unit, type: 'grassroots_cell', name: 'Chi bộ 6' });
    const a = await makeMember(db, strong);
    const b = await makeMember(db, steady);
    const actor = officerAt(unit, 'bulk_officer4');
    const period = await openYear(actor, unit, 2025, 'collective', 'Tập thể 2025');
    await db
      .insert(tasks)
      .values([
        taskRow(strong, a.id, { deadline: '2025-09-30', outcome: 'exceeded' }),
        taskRow(steady, b.id, { deadline: '2025-09-30', outcome: 'on_time' }),
      ]);
    for (const [cell, score] of [
      [strong, 95],
      [steady, 75],
    ] as const) {
      await propose(period.id, { unitId: cell.id }, score);
    }

    const result = await ratePeriod({ db, actor, periodId: period.id });
    expect(result).toMatchObject({
      rated: 1,
      skipped: 1,
      heldForDecision: 1,
      byRating: { good: 1 },
    });
    const decided = rowsOf<{ target_unit_id: number; rating: string }>(
      await db.execute(sql`select e.target_unit_id, d.rating
        from evaluations e join evaluation_decisions d on d.evaluation_id = e.id
        where e.period_id = ${period.id}`),
    );
    expect(decided).toEqual([{ target_unit_id: steady.id, rating: 'good' }]);
  });
  it('refuses a unit outside the period, and a closed period, deciding nothing', async () => {
    const db = database.db;
    const unit = await makeUnit(db, { name: 'Đảng bộ phường Nhật Tân' });
    const m = await makeMember(db, unit);
    const actor = officerAt(unit, 'bulk_officer2');
    const period = await openYear(actor, unit, 2024, 'individual', 'Năm 2024');
    await propose(period.id, { memberId: m.id }, 95);
    // A unit outside the period's subtree is refused, not read as "the whole period".
    const beside = await makeUnit(db, { name: 'Chi bộ ngoài kỳ' });
    await expect(
      ratePeriod({
        db,
        actor: { ...actor, scopePath: '/', roles: ['admin', 'officer'] },
        periodId: period.id,
        unitId: beside.id,
      }),
    ).rejects.toMatchObject({ statusCode: 400 });
    await updatePeriod({
      db,
      actor,
      id: period.id,
      body: { version: period.version, status: 'closed' },
    });
    await expect(ratePeriod({ db, actor, periodId: period.id })).rejects.toMatchObject({
      statusCode: 409,
    });
    const stages = rowsOf<{ stage: string }>(
      await db.execute(sql`select stage from evaluations where period_id = ${period.id}`),
    );
    expect(stages.map((r) => r.stage)).toEqual(['advisory']);
  });
});
