/**
 * Demo "việc mới, việc khó" and "4 tốt". In the wards that succeeded former quận Tây Hồ (Phường
 * Tây Hồ, Phường Phú Thượng) the 2023 registrations reproduce seed 003's rate — 7,126 of 7,560
 * members (94%) — every key cadre registering: 1–2 approved items each in 2022, 2–4 in 2023.
 * Every key cadre of the demo has two assessed items in 2024, the year the demo rates.
 * Every commune also gets this year's registrations in every state (waiting, returned, approved,
 * assessed, overdue, models), so the screens and the warnings have something to show.
 * Set-based SQL, so it scales from the 400-member browser-test world to 100,000 members.
 */
import type { Database } from '../../core/db/client.ts';
import { today } from '../../core/dates.ts';

const titles = [
  'Vận động di dời phương tiện thủy nội địa neo đậu trái phép',
  'Hòa giải dứt điểm tranh chấp đất đai kéo dài tại tổ dân phố',
  'Xây dựng tổ dân phố sáng – xanh – sạch – đẹp',
  'Vận động hộ dân giải phóng mặt bằng dự án mương thoát nước',
  'Tổ chức thành công hội nghị nhà chung cư, bầu ban quản trị',
  'Thực hiện xong các kết luận thanh tra còn tồn đọng',
  'Xử lý dứt điểm vi phạm trật tự xây dựng',
  'Tuyên truyền, vận động nhân dân thực hiện chuyển đổi số',
  'Phát triển đảng viên mới trong chi bộ',
  'Vận động ủng hộ quỹ vì người nghèo vượt chỉ tiêu',
];
const targets = [
  '[{"name":"Phương tiện di dời","unit":"chiếc","targetValue":20,"achievedValue":null}]',
  '[{"name":"Vụ việc hòa giải thành","unit":"vụ","targetValue":3,"achievedValue":null}]',
  '[{"name":"Hộ gia đình tham gia","unit":"hộ","targetValue":50,"achievedValue":null},{"name":"Tuyến phố đạt chuẩn","unit":"tuyến","targetValue":2,"achievedValue":null}]',
  '[{"name":"Hộ bàn giao mặt bằng","unit":"hộ","targetValue":5,"achievedValue":null}]',
  '[{"name":"Hội nghị tổ chức thành công","unit":"hội nghị","targetValue":1,"achievedValue":null}]',
  '[{"name":"Nội dung kết luận hoàn thành","unit":"nội dung","targetValue":10,"achievedValue":null}]',
  '[{"name":"Vi phạm được xử lý","unit":"vụ","targetValue":4,"achievedValue":null}]',
  '[{"name":"Hộ cài ứng dụng dịch vụ công","unit":"hộ","targetValue":100,"achievedValue":null}]',
  '[{"name":"Đảng viên mới kết nạp","unit":"người","targetValue":2,"achievedValue":null}]',
  '[{"name":"Số tiền vận động","unit":"triệu đồng","targetValue":50,"achievedValue":null}]',
];

const N = titles.length;
/** Title and targets picked by a number (a member id and a salt), the same on every run. */
const pick = (expr: string) =>
  `(('{${titles.map((t) => `"${t}"`).join(',')}}'::text[])[1 + (${expr}) % ${N}])`;
const pickTargets = (expr: string) =>
  `((array[${targets.map((t) => `'${t}'::jsonb`).join(',')}])[1 + (${expr}) % ${N}])`;

const taskColumns = `member_id, unit_id, unit_path, period_kind, start_year, end_year, title, description,
  targets, milestones, deadline, status, outcome, completed_date, outcome_comment, is_model`;

export async function loadDemoTasks(database: Database): Promise<number> {
  const wards = await database.query<{ path: string }>(
    `select path from units where code in ('HN.TH', 'HN.PT') and valid_to is null`,
  );
  const year = Number(today().slice(0, 4));
  let total = 0;
  for (const { path } of wards) {
    // 2023: key cadres first, then members in a fixed pseudo-random order, up to 7,126/7,560.
    const rows = await database.query<{ n: number }>(
      `with pool as (
         select m.id, m.unit_id, m.unit_path,
           exists (select 1 from appointments a where a.member_id = m.id
                   and a.start_date <= '2023-12-31' and (a.end_date is null or a.end_date >= '2023-01-01')) as cadre
         from members m
         where m.unit_path like $1 and m.archived_at is null
           and m.status in ('probationary', 'full') and (m.join_date is null or m.join_date <= '2023-12-31')),
       ranked as (
         select p.*, row_number() over (order by p.cadre desc, md5(p.id::text)) as rn, count(*) over () as n
         from pool p),
       chosen as (select * from ranked where rn <= round(n * 7126.0 / 7560)),
       items as (
         select c.*, g as k from chosen c
         cross join lateral generate_series(1, case when c.cadre then 2 + c.id % 3 else 1 end) g)
       insert into tasks (${taskColumns})
       select id, unit_id, unit_path, 'year', 2023, 2023, ${pick('id + k')}, '', ${pickTargets('id + k')}, '[]',
         '2023-12-31', case when cadre or id % 5 > 0 then 'approved' else 'submitted' end,
         case when cadre or id % 5 > 0 then (array['exceeded','on_time','on_time','late','not_done'])[1 + (id + k) % 5] end,
         case when (cadre or id % 5 > 0) and (id + k) % 5 < 3 then date '2023-12-01'
              when (cadre or id % 5 > 0) and (id + k) % 5 = 3 then date '2024-02-15' end,
         '', (id + k) % 97 = 0
       from items
       returning 1 as n`,
      [`${path}%`],
    );
    total += rows.length;
    // 2022: every key cadre in force that year, one or two approved items.
    const y2022 = await database.query(
      `insert into tasks (${taskColumns})
       select m.id, m.unit_id, m.unit_path, 'year', 2022, 2022, ${pick('m.id + g + 3')}, '', ${pickTargets('m.id + g + 3')}, '[]',
         '2022-12-31', 'approved', (array['exceeded','on_time','on_time','late'])[1 + (m.id + g) % 4], '2022-11-30', '', false
       from members m
       cross join lateral generate_series(1, 1 + (m.id % 25 = 0)::int) g
       where m.unit_path like $1 and m.archived_at is null
         and exists (select 1 from appointments a where a.member_id = m.id
                     and a.start_date <= '2022-12-31' and (a.end_date is null or a.end_date >= '2022-01-01'))
       returning 1`,
      [`${path}%`],
    );
    total += y2022.length;
  }
  // 2024, in every commune: each key cadre in force that year has two approved items, most done
  // on time or better, so the demo year 2024 can rate some cadres "xuất sắc" (QĐ 366 needs all
  // tasks on time and at least 30% exceeding requirements).
  const y2024 = await database.query(
    `insert into tasks (${taskColumns})
     select m.id, m.unit_id, m.unit_path, 'year', 2024, 2024, ${pick('m.id + g + 5')}, '', ${pickTargets('m.id + g + 5')}, '[]',
       '2024-12-31', 'approved',
       (array['exceeded','on_time','exceeded','on_time','on_time','late'])[1 + (m.id * 3 + g) % 6],
       '2024-11-30', '', false
     from members m
     cross join generate_series(1, 2) g
     where m.archived_at is null
       and exists (select 1 from appointments a where a.member_id = m.id
                   and a.start_date <= '2024-12-31' and (a.end_date is null or a.end_date >= '2024-01-01'))
     returning 1`,
  );
  total += y2024.length;
  // This year, in every commune: about one member in eight registers, in every state.
  const current = await database.query(
    `insert into tasks (${taskColumns})
     select m.id, m.unit_id, m.unit_path, 'year', ${year}, ${year}, ${pick('m.id')}, 'Đăng ký theo kế hoạch của chi bộ', ${pickTargets('m.id')},
       jsonb_build_array(jsonb_build_object('title', 'Khảo sát, lập kế hoạch', 'dueDate', '${year}-03-31')),
       case when (m.id / 8) % 4 = 0 then ('${year}-' || lpad((1 + (m.id / 8) % 6)::text, 2, '0') || '-28')::date
            else '${year}-12-31'::date end,
       (array['submitted','returned','approved','approved','approved','rejected'])[1 + (m.id / 8) % 6],
       case when (m.id / 8) % 6 = 4 and (m.id / 8) % 4 = 0 then 'on_time' end,
       case when (m.id / 8) % 6 = 4 and (m.id / 8) % 4 = 0 then ('${year}-' || lpad((1 + (m.id / 8) % 6)::text, 2, '0') || '-20')::date end,
       case when (m.id / 8) % 6 = 4 and (m.id / 8) % 4 = 0 then 'Hoàn thành đúng kế hoạch' else '' end,
       m.id % 41 = 0
     from members m
     where m.archived_at is null and m.status in ('probationary', 'full') and m.id % 8 = 1
     returning 1`,
  );
  total += current.length;
  // Returned tasks carry their reason; every task has its registration in the history.
  await database.query(
    `update tasks set decision_reason = 'Cần lượng hóa chỉ tiêu và ghi rõ lộ trình' where status = 'returned'`,
  );
  await database.query(
    `insert into task_events (task_id, kind, note, actor_name, created_at)
     select t.id, 'submit', 'Đăng ký', 'Dữ liệu mẫu', make_date(t.start_year, 1, 15)
     from tasks t where not exists (select 1 from task_events e where e.task_id = t.id)`,
  );
  // 4 tốt: last year's self-assessments of the cells, most recognised.
  await database.query(
    `insert into four_good_assessments (kind, year, unit_id, unit_path, criteria_set_id, scores, self_comment, status)
     select 'cell', $1, u.id, u.path, s.id,
       (select jsonb_agg(jsonb_build_object('code', c->>'code', 'met', (u.id + i) % 7 <> 0, 'comment', ''))
          from jsonb_array_elements(s.criteria) with ordinality as x(c, i)),
       'Chi bộ hoàn thành tốt nhiệm vụ', 'submitted'
     from units u
     cross join lateral (select id, criteria from four_good_criteria_sets
                         where kind = 'cell' and unit_path = '' order by from_year desc limit 1) s
     where u.type in ('grassroots_cell', 'cell') and u.valid_to is null
     on conflict do nothing`,
    [year - 1],
  );
  await database.query(
    `update four_good_assessments set status = 'recognized', recognition_comment = 'Đạt Chi bộ 4 tốt'
     where year = $1 and kind = 'cell' and id % 3 <> 0 and not exists (
       select 1 from jsonb_array_elements(scores) s where (s->>'met')::boolean = false)`,
    [year - 1],
  );
  return total;
}
