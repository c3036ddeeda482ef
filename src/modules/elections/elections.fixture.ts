/**
 * Test data for the elections tests: a members' congress with summoned attendees and a body
 * whose convening-committee nominees passed a nomination step (rows of the congress module,
 * written directly because the tests here are about what happens after nomination).
 */
import type { Db } from '../../core/db/client.ts';
import { makeMember, type MemberRow, type UnitRow } from '../../testing/factories.ts';
import {
  congressAttendees,
  congressBodies,
  congresses,
  nominationSteps,
  nominationTallies,
} from '../congress/congress.schema.ts';

export interface CongressFixture {
  congressId: number;
  bodyId: number;
  attendees: MemberRow[];
  nominees: MemberRow[];
}

/**
 * `summoned` full members, of whom `absent` are absent without reason (still in the base);
 * `nominees` names passed the last nomination step for a body of `seats`.
 */
export async function makeCongress(
  db: Db,
  unit: UnitRow,
  opts: { summoned: number; absent: number; seats: number; nominees: string[]; name?: string },
): Promise<CongressFixture> {
  const [c] = await db
    .insert(congresses)
    .values({
      unitId: unit.id,
      unitPath: unit.path,
      name: opts.name ?? `Đại hội ${unit.name} nhiệm kỳ 2025–2030`,
      term: '2025-2030',
      kind: 'members',
      startsOn: '2025-06-10',
      endsOn: '2025-06-11',
      ageReferenceMonth: '2025-06',
      status: 'in_session',
    })
    .returning();
  const [body] = await db
    .insert(congressBodies)
    .values({
      congressId: c!.id,
      kind: 'executive_committee',
      name: 'Ban Chấp hành',
      seats: opts.seats,
    })
    .returning();
  const nominees: MemberRow[] = [];
  for (const fullName of opts.nominees) nominees.push(await makeMember(db, unit, { fullName }));
  const attendees: MemberRow[] = [...nominees];
  while (attendees.length < opts.summoned) attendees.push(await makeMember(db, unit));
  await db.insert(congressAttendees).values(
    attendees.map((m, i) => ({
      congressId: c!.id,
      memberId: m.id,
      role: 'full_member',
      status: i >= attendees.length - opts.absent ? 'absent_unexcused' : 'present',
      cardCode: `DB-${c!.id}-${i + 1}`,
    })),
  );
  const [step] = await db
    .insert(nominationSteps)
    .values({
      congressId: c!.id,
      bodyId: body!.id,
      stepNo: 1,
      name: 'Hội nghị cấp ủy giới thiệu',
      summoned: 10,
      present: 10,
    })
    .returning();
  if (nominees.length) {
    await db
      .insert(nominationTallies)
      .values(nominees.map((m) => ({ stepId: step!.id, memberId: m.id, votes: 9 })));
  }
  return { congressId: c!.id, bodyId: body!.id, attendees, nominees };
}
