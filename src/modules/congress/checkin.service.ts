/** Check-in at the door (a scanned card code or a name) and the delegate cards. */
import type { AttendeeDto, AttendeeRole, CheckInResult } from '../../contracts/congress.ts';
import { requireReader, requireWriter, type Actor } from '../../core/access/actor.ts';
import { recordAudit } from '../../core/audit/audit.ts';
import type { Db } from '../../core/db/client.ts';
import { staleVersion } from '../../core/errors.ts';
import { attendanceCounts, loadAttendee, presentAll, viewOf } from './attendees.service.ts';
import { renderCards } from './cards.pdf.ts';
import { getCongress, loadCongress } from './congress.service.ts';
import * as repo from './congress.repo.ts';

type Ctx = { db: Db; actor: Actor };

async function markPresent(tx: Db, actor: Actor, c: repo.CongressRow, a: repo.AttendeeRow) {
  const saved = await repo.updateAttendee(tx, a.id, a.version, {
    status: 'present',
    checkedInAt: new Date(),
  });
  if (!saved) throw staleVersion();
  const dto = await viewOf(tx, a.id);
  await recordAudit(tx, actor, {
    action: 'check_in',
    entityType: 'congress',
    entityId: c.id,
    scopePath: c.unitPath,
    summary: `Điểm danh: ${dto.fullName} có mặt`,
    before: { status: a.status },
    after: { status: 'present' },
  });
  return dto;
}

/** Why this person cannot be checked in, if so (suspended or replaced). */
function refusalOf(a: AttendeeDto): string | null {
  if (a.status === 'suspended')
    return `${a.fullName} đang bị đình chỉ sinh hoạt, không được dự đại hội.`;
  if (a.status === 'replaced')
    return `${a.fullName} đã được đại biểu dự khuyết ${a.replacedByName ?? ''} thay.`;
  return null;
}

/** One search box: a card code typed by a scanner, or a name without diacritics. */
export async function checkIn({
  db,
  actor,
  congressId,
  query,
}: Ctx & { congressId: number; query: string }): Promise<CheckInResult> {
  requireWriter(actor);
  return db.transaction(async (tx) => {
    const c = await loadCongress(tx, actor, congressId);
    const found = await repo.findForCheckIn(tx, c.id, query);
    const matches = await presentAll(tx, c.id, found.rows);
    const result = async (
      outcome: CheckInResult['outcome'],
      message: string,
      attendee: AttendeeDto | null,
      list: AttendeeDto[] = [],
    ) => ({
      outcome,
      message,
      attendee,
      matches: list,
      counts: await attendanceCounts(tx, c.id),
    });
    if (!matches.length)
      return result('not_found', `Không tìm thấy "${query}" trong danh sách triệu tập.`, null);
    if (matches.length > 1)
      return result(
        'ambiguous',
        `Có ${matches.length} người khớp: hãy chọn đúng người.`,
        null,
        matches,
      );
    return checkInOne(tx, actor, c, matches[0]!, result);
  });
}

type Result = (
  o: CheckInResult['outcome'],
  m: string,
  a: AttendeeDto | null,
  l?: AttendeeDto[],
) => Promise<CheckInResult>;

async function checkInOne(
  tx: Db,
  actor: Actor,
  c: repo.CongressRow,
  dto: AttendeeDto,
  result: Result,
) {
  if (dto.status === 'present')
    return result('already_present', `${dto.fullName} đã điểm danh trước đó.`, dto);
  const refusal = refusalOf(dto);
  if (refusal) return result('not_allowed', refusal, dto);
  const { a } = (await repo.findAttendee(tx, actor, dto.id, true))!;
  const saved = await markPresent(tx, actor, c, a);
  return result('checked_in', `${saved.fullName} — có mặt.`, saved);
}

/** The person picked from several matches. */
export async function checkInAttendee({
  db,
  actor,
  id,
}: Ctx & { id: number }): Promise<CheckInResult> {
  requireWriter(actor);
  return db.transaction(async (tx) => {
    const { c } = await loadAttendee(tx, actor, id);
    const dto = await viewOf(tx, id);
    const result: Result = async (outcome, message, attendee, list = []) => ({
      outcome,
      message,
      attendee,
      matches: list,
      counts: await attendanceCounts(tx, c.id),
    });
    return checkInOne(tx, actor, c, dto, result);
  });
}

/** Delegate cards of everyone summoned (or one role), in name order, as a PDF. */
export async function exportCards({
  db,
  actor,
  congressId,
  role,
}: Ctx & { congressId: number; role?: AttendeeRole }) {
  requireReader(actor);
  const congress = await getCongress({ db, actor, id: congressId });
  const views = await repo.allAttendees(db, congress.id, role);
  const list = (await presentAll(db, congress.id, views)).filter((a) => a.status !== 'replaced');
  return { buffer: await renderCards(congress, list), fileName: `the-dai-bieu-${congress.id}.pdf` };
}
