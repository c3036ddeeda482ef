/**
 * Check-in at the door of a large members' congress: the whole of the biggest commune-level
 * organisation summoned, then each door request (a scanned card code, or a name typed without
 * diacritics) timed through the use case — scope, search, mark present, audit, live counts, in
 * one transaction — next to the same search SQL run raw as the baseline. Also the threshold
 * base, read in full each time the tab refreshes.
 */
import type { Actor } from '../../src/core/access/actor.ts';
import type { Database } from '../../src/core/db/client.ts';
import { searchKey } from '../../src/core/vietnamese/index.ts';
import { summonMembers } from '../../src/modules/congress/attendees.service.ts';
import { checkIn } from '../../src/modules/congress/checkin.service.ts';
import {
  allAttendees,
  baseGroups,
  findForCheckIn,
} from '../../src/modules/congress/congress.repo.ts';
import { createCongress, getThresholdBase } from '../../src/modules/congress/congress.service.ts';
import { fmtMs, log, now, percentiles, Rng } from './util.ts';

const officerAt = (unit: { id: number; path: string }): Actor => ({
  userId: 0,
  username: 'bench_officer',
  displayName: 'Bench',
  unitId: unit.id,
  scopePath: unit.path,
  roles: ['officer'],
  permissions: [],
  memberId: null,
});

async function timeIt(n: number, fn: (i: number) => Promise<unknown>) {
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = now();
    await fn(i);
    samples.push(now() - t);
  }
  return percentiles(samples);
}

export async function runCongressBench({
  database,
  seed,
  requests = 200,
}: {
  database: Database;
  seed: number;
  requests?: number;
}) {
  const db = database.db;
  const [unit] = await database.query<{ id: number; path: string; name: string; members: number }>(
    `select u.id, u.path, u.name, (select count(*)::int from members m where m.unit_path like u.path || '%') as members
       from units u where u.type = 'commune' and u.status = 'active' order by 4 desc limit 1`,
  );
  const actor = officerAt(unit!);
  const congress = await createCongress({
    db,
    actor,
    body: {
      unitId: unit!.id,
      name: `Đại hội bench ${Date.now()}`,
      term: '2025-2030',
      kind: 'members',
      startsOn: '2025-07-20',
      endsOn: '2025-07-21',
      ageReferenceMonth: '2025-07',
      bodies: [{ kind: 'executive_committee', name: 'Ban Chấp hành', seats: 31 }],
    },
  });
  let t = now();
  const summoned = await summonMembers({ db, actor, congressId: congress.id });
  const summonMs = now() - t;
  log(`  ${unit!.name}: ${summoned.added.toLocaleString('en')} summoned in ${fmtMs(summonMs)}`);
  const people = await allAttendees(db, congress.id);
  const rng = new Rng(seed);
  const pick = () => people[Math.floor(rng.next() * people.length)]!;
  const codes = Array.from({ length: requests }, () => pick().a.cardCode);
  const names = Array.from({ length: requests }, () => searchKey(pick().fullName));

  const rawCode = await timeIt(requests, (i) => findForCheckIn(db, congress.id, codes[i]!));
  const byCode = await timeIt(requests, (i) =>
    checkIn({ db, actor, congressId: congress.id, query: codes[i]! }),
  );
  const rawName = await timeIt(requests, (i) => findForCheckIn(db, congress.id, names[i]!));
  const byName = await timeIt(requests, (i) =>
    checkIn({ db, actor, congressId: congress.id, query: names[i]! }),
  );
  const rawBase = await timeIt(50, () => baseGroups(db, congress.id));
  const base = await timeIt(50, () => getThresholdBase({ db, actor, congressId: congress.id }));
  t = now();
  for (const [label, svc, raw] of [
    ['check-in by card code', byCode, rawCode],
    ['check-in by name', byName, rawName],
    ['threshold base', base, rawBase],
  ] as const) {
    log(
      `  ${label}: p50 ${fmtMs(svc.p50)} p95 ${fmtMs(svc.p95)} (its raw SQL p95 ${fmtMs(raw.p95)})`,
    );
  }
  return {
    unit: unit!.name,
    summoned: summoned.added,
    summonMs: Math.round(summonMs),
    checkInByCode: { service: byCode, raw: rawCode },
    checkInByName: { service: byName, raw: rawName },
    thresholdBase: { service: base, raw: rawBase },
  };
}
