/**
 * Demo evaluation (QĐ 366-QĐ/TW): the year 2024 rated for the whole city, and the year 2025 in
 * progress — most people have self-assessed, been commented on by their collective and proposed
 * by the advising body, so "rate the year" has work to do; a few have only self-assessed. Some
 * cadres carry feedback from the Front and residents (seed 000). Scores come from a seeded
 * spread, the steps are written set-based, and 2024 is rated by the real use case.
 */
import type { Actor } from '../../core/access/actor.ts';
import type { Database } from '../../core/db/client.ts';
import { ratePeriod } from '../../modules/evaluation/evaluation.bulk.service.ts';
import { createPeriod } from '../../modules/evaluation/evaluation.periods.service.ts';
import { hashSeed } from './rng.ts';
import { DEFAULT_SEED } from './units.ts';

const system = (root: { id: number; path: string }): Actor => ({
  userId: 0,
  username: 'demo',
  displayName: 'Ban Tổ chức (dữ liệu mẫu)',
  unitId: root.id,
  scopePath: root.path,
  roles: ['admin', 'officer'],
  permissions: [],
  memberId: null,
});

/**
 * Steps with full marks less a seeded number of points (0–45, most under 25) taken off the
 * task criteria first, so totals spread over the four ratings.
 */
async function writeSteps(database: Database, periodId: number, salt: number, share: number) {
  for (const step of ['self', 'collective', 'advisory']) {
    // The self step for `share`% of people; the later steps for a little fewer each time.
    const cut = step === 'self' ? share : step === 'collective' ? share - 5 : share - 8;
    await database.query(`
      with e as (
        select e.id, ((e.id::bigint * 7919 + ${salt}) % 1000)::int as h, e.framework_id,
          e.post_title_code
        from evaluations e where e.period_id = ${periodId}),
      off as (
        select id, framework_id, post_title_code, h,
          (case when h % 10 < 6 then h % 12 when h % 10 < 9 then 12 + h % 20 else 30 + h % 25 end
           + ${step === 'self' ? 2 : 0})::numeric as off
        from e where h % 100 < ${cut}),
      crit as (
        select o.id as evaluation_id, c.id as criterion_id, c.max_points,
          sum(c.max_points) over (partition by o.id order by c.part desc, c.sort_order desc, c.id) as upto,
          o.off
        from off o join evaluation_criteria c on c.framework_id = o.framework_id and c.active
          and (c.post_title_code = o.post_title_code
               or (c.post_title_code is null and (c.part = 'general' or not exists (
                     select 1 from evaluation_criteria x where x.framework_id = o.framework_id
                       and x.active and x.post_title_code = o.post_title_code)))))
      insert into evaluation_steps (evaluation_id, step, scores, total, comment, actor_name)
      select evaluation_id, '${step}',
        jsonb_object_agg(criterion_id::text,
          greatest(0, max_points - greatest(0, least(max_points, off - (upto - max_points))))),
        sum(greatest(0, max_points - greatest(0, least(max_points, off - (upto - max_points))))),
        '${step === 'self' ? 'Hoàn thành các nhiệm vụ được giao, giữ gìn đạo đức, lối sống.' : step === 'collective' ? 'Tập thể chi bộ thống nhất nhận xét.' : 'Cơ quan tham mưu đề xuất theo kết quả thực hiện nhiệm vụ.'}',
        'Ban Tổ chức (dữ liệu mẫu)'
      from crit group by evaluation_id
      on conflict do nothing`);
    await database.query(`
      update evaluations e set stage = '${step}'
      where e.period_id = ${periodId}
        and exists (select 1 from evaluation_steps s where s.evaluation_id = e.id and s.step = '${step}')`);
  }
}

export async function loadDemoEvaluation(database: Database, seed = DEFAULT_SEED): Promise<number> {
  const [root] = await database.query<{ id: number; path: string }>(
    'select id, path from units where depth = 0 order by id limit 1',
  );
  if (!root) return 0;
  const actor = system(root);
  const salt = hashSeed(seed, 'evaluation') % 997;
  const open = (year: number) =>
    createPeriod({
      db: database.db,
      actor,
      body: {
        unitId: root.id,
        kind: 'year',
        subject: 'individual',
        year,
        label: '',
        startDate: `${year}-01-01`,
        endDate: `${year}-12-31`,
        note: '',
      },
    });
  const y2024 = await open(2024);
  await writeSteps(database, y2024.id, salt, 108);
  await ratePeriod({ db: database.db, actor, periodId: y2024.id });
  await database.query(
    `update evaluation_periods set status = 'closed', version = version + 1 where id = ${y2024.id}`,
  );
  const y2025 = await open(2025);
  await writeSteps(database, y2025.id, salt + 1, 95);

  // Feedback on a few holders of posts (seed 000: through the Front down to residential groups).
  await database.query(`
    insert into evaluation_feedback (member_id, unit_path, source_kind, source_name, received_date, content, recorded_by)
    select a.member_id, m.unit_path,
      (array['front', 'mass_org', 'residents'])[1 + a.member_id % 3],
      (array['Ban Thường trực Ủy ban MTTQ', 'Hội Liên hiệp Phụ nữ', 'Ban công tác Mặt trận tổ dân phố'])[1 + a.member_id % 3],
      make_date(2025, 1 + a.member_id % 11, 1 + a.member_id % 27),
      (array['Nhân dân ghi nhận việc giải quyết dứt điểm kiến nghị về vệ sinh môi trường khu dân cư.',
             'Đồng chí gần gũi, lắng nghe ý kiến hội viên; đề nghị tiếp tục quan tâm mô hình sinh kế cho phụ nữ.',
             'Một số hộ phản ánh việc tiếp công dân định kỳ có lúc chưa đúng lịch.'])[1 + a.member_id % 3],
      'Ban Tổ chức (dữ liệu mẫu)'
    from (select distinct member_id from appointments where end_date is null) a
    join members m on m.id = a.member_id
    where a.member_id % 4 = 0`);
  return y2024.total + y2025.total;
}
