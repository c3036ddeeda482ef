/**
 * A demo congress of the city committee for 2025–2030 (a delegates' congress), shaped after
 * seed 001: an executive committee of 71 seats and a personnel plan of 81 (47 re-elected and 34
 * first-time: 14,08% surplus, 58,02% / 41,98%), and a nomination round whose funnel reads
 * 151 → 75 → 34, the 34 being the plan's first-timers. Invented people, like every demo name.
 */
import type { Database } from '../../core/db/client.ts';
import {
  congressAttendees,
  congressBodies,
  congressCandidates,
  congresses,
  nominationSteps,
  nominationTallies,
} from '../../modules/congress/congress.schema.ts';
import { newCardCode } from '../../modules/congress/congress.rules.ts';
import { defaultStepNames } from '../../modules/congress/nomination.service.ts';
import { Rng, hashSeed } from './rng.ts';
import { DEFAULT_SEED } from './units.ts';

const REELECTED = 47;
const FIRST_TIME = 34;
const POOL = 151;
const REVIEWED = 75;
const MAX_DELEGATES = 350;
const ALTERNATES = 10;

interface Person {
  id: number;
  gender: string;
}

/** Each step: who is summoned and present, and how many of those entering pass. */
const meetings = [
  { summoned: 17, present: 17, date: '2025-03-10' },
  { summoned: 250, present: 241, date: '2025-03-24' },
  { summoned: 17, present: 17, date: '2025-04-07' },
  { summoned: 71, present: 69, date: '2025-04-21' },
  { summoned: 17, present: 16, date: '2025-05-05' },
];

function shuffle<T>(rng: Rng, list: T[]): T[] {
  for (let i = list.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [list[i], list[j]] = [list[j]!, list[i]!];
  }
  return list;
}

/** Ballots for a name: enough to pass (more than half of those summoned) or not. */
const votesFor = (rng: Rng, m: (typeof meetings)[number], pass: boolean) =>
  pass
    ? rng.int(Math.floor(m.summoned / 2) + 1, m.present)
    : rng.int(0, Math.floor(m.summoned / 2));

export async function loadDemoCongress(database: Database, seed = DEFAULT_SEED): Promise<number> {
  const { db } = database;
  const [city] = await database.query<{ id: number; path: string; name: string }>(
    `select id, path, name from units where code = 'HN'`,
  );
  if (!city) return 0;
  const rng = new Rng(hashSeed(seed, 'congress'));
  // Full members: the plan takes people of 1970–1990, who can serve a whole term (CT 45); the
  // names that drop out of the nomination steps may be anyone of working age.
  const everyone = shuffle(
    rng,
    await database.query<Person & { prime: boolean }>(
      `select id, gender, birth_date between '1970-01-01' and '1990-12-31' as prime from members
        where unit_path like $1 and status = 'full' and archived_at is null
          and birth_date between '1964-01-01' and '2000-12-31'
        order by id`,
      [city.path + '%'],
    ),
  );
  const prime = everyone.filter((p) => p.prime);
  if (prime.length < REELECTED + FIRST_TIME || everyone.length < REELECTED + POOL) return 0;
  const reelected = prime.slice(0, REELECTED);
  const firstTime = prime.slice(REELECTED, REELECTED + FIRST_TIME);
  const taken = new Set([...reelected, ...firstTime].map((p) => p.id));
  const dropped = everyone.filter((p) => !taken.has(p.id)).slice(0, POOL - FIRST_TIME);
  const reviewed = [...firstTime, ...dropped.slice(0, REVIEWED - FIRST_TIME)];
  const firstPool = [...reviewed, ...dropped.slice(REVIEWED - FIRST_TIME)];
  const pool = [
    ...reelected,
    ...firstPool,
    ...everyone.filter((p) => !taken.has(p.id) && !dropped.includes(p)),
  ];

  const [congress] = await db
    .insert(congresses)
    .values({
      unitId: city.id,
      unitPath: city.path,
      name: `Đại hội đại biểu ${city.name} lần thứ XVIII`,
      term: '2025-2030',
      kind: 'delegates',
      startsOn: '2025-10-14',
      endsOn: '2025-10-16',
      ageReferenceMonth: '2025-09',
    })
    .returning();
  const c = congress!;
  const bodies = await db
    .insert(congressBodies)
    .values([
      {
        congressId: c.id,
        kind: 'executive_committee',
        name: 'Ban Chấp hành Đảng bộ thành phố',
        seats: 71,
        sortOrder: 0,
      },
      {
        congressId: c.id,
        kind: 'standing_committee',
        name: 'Ban Thường vụ Thành ủy',
        seats: 17,
        sortOrder: 1,
      },
      { congressId: c.id, kind: 'secretary', name: 'Bí thư Thành ủy', seats: 1, sortOrder: 2 },
      {
        congressId: c.id,
        kind: 'inspection_committee',
        name: 'Ủy ban Kiểm tra Thành ủy',
        seats: 13,
        sortOrder: 3,
      },
      {
        congressId: c.id,
        kind: 'higher_delegates',
        name: 'Đại biểu dự Đại hội XIV của Đảng',
        seats: 34,
        sortOrder: 4,
      },
    ])
    .returning();
  const committee = bodies[0]!;
  const standing = bodies[1]!;

  // Delegates: the outgoing committee members (the re-elected) ex officio, then others.
  const others = pool.slice(REELECTED).slice(0, MAX_DELEGATES - REELECTED + ALTERNATES);
  const delegates = [...reelected, ...others.slice(0, others.length - ALTERNATES)];
  const alternates = others.slice(others.length - ALTERNATES);
  const convening = new Set(reelected.map((p) => p.id));
  await db.insert(congressAttendees).values([
    ...delegates.map((p) => ({
      congressId: c.id,
      memberId: p.id,
      role: 'delegate',
      conveningCommittee: convening.has(p.id),
      cardCode: newCardCode(c.id, () => rng.next()),
    })),
    ...alternates.map((p) => ({
      congressId: c.id,
      memberId: p.id,
      role: 'alternate',
      cardCode: newCardCode(c.id, () => rng.next()),
    })),
  ]);

  // The plan: 47 marked re-elected (the demo posts do not hold the city committee), 34 first-time.
  await db.insert(congressCandidates).values([
    ...reelected.map((p) => ({
      congressId: c.id,
      bodyId: committee.id,
      memberId: p.id,
      reelectedOverride: true,
    })),
    ...firstTime.map((p) => ({
      congressId: c.id,
      bodyId: committee.id,
      memberId: p.id,
      reelectedOverride: false,
    })),
  ]);
  const women = reelected.filter((p) => p.gender === 'female');
  const standingPeople = [
    ...women.slice(0, 2),
    ...reelected.filter((p) => p.gender !== 'female'),
  ].slice(0, 17);
  await db.insert(congressCandidates).values(
    standingPeople.map((p) => ({
      congressId: c.id,
      bodyId: standing.id,
      memberId: p.id,
      reelectedOverride: true,
    })),
  );

  // Nomination steps for the first-timers: 151 enter, 75 pass; 75 go through steps 2–4; 34 pass the last.
  const steps = await db
    .insert(nominationSteps)
    .values(
      defaultStepNames.map((name, i) => ({
        congressId: c.id,
        bodyId: committee.id,
        stepNo: i + 1,
        name,
        meetingDate: meetings[i]!.date,
        summoned: meetings[i]!.summoned,
        present: meetings[i]!.present,
      })),
    )
    .returning();
  const passing = new Set(reviewed.map((p) => p.id));
  const final = new Set(firstTime.map((p) => p.id));
  const tallies = steps.flatMap((s, i) => {
    const entering = i === 0 ? firstPool : reviewed;
    const passes = (id: number) =>
      i === 0 ? passing.has(id) : i < steps.length - 1 ? true : final.has(id);
    return entering.map((p) => ({
      stepId: s.id,
      memberId: p.id,
      votes: votesFor(rng, meetings[i]!, passes(p.id)),
    }));
  });
  await db.insert(nominationTallies).values(tallies);
  return c.id;
}
