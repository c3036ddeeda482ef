/**
 * The files of a round: printed ballots, the minutes of the count (.docx, PDF) and the results
 * announcement, all drawn from the elections module's RoundReport so they say what the
 * results screen says. The minutes and the announcement exist only for a closed round: a
 * provisional tally must never be printed as the committee's record.
 */
import type { BallotPrintQuery } from '../../../contracts/election-documents.ts';
import type { RoundReport } from '../../../contracts/elections.ts';
import type { Actor } from '../../../core/access/actor.ts';
import type { Db } from '../../../core/db/client.ts';
import { today } from '../../../core/dates.ts';
import { conflict } from '../../../core/errors.ts';
import { getRoundReport } from '../elections.service.ts';
import { renderBallots } from './ballot.pdf.ts';
import { DOCX_MIME, renderDocDocx } from './blocks.docx.ts';
import { renderDocPdf } from './blocks.pdf.ts';
import { buildAnnouncement, buildMinutes } from './minutes.document.ts';
import { PDF_MIME } from './pdf-fonts.ts';
import type { BallotData, RoundMinutesData } from './round-data.ts';

export interface RoundFile {
  body: Buffer;
  fileName: string;
  mime: string;
}

type Ctx = { db: Db; actor: Actor; roundId: number };

const header = (r: RoundReport) => ({
  unitLines: [r.congress.unitName],
  congressName: r.congress.name,
  place: '',
});

const bodyTitle = (r: RoundReport) =>
  r.body.name.includes(r.congress.term.slice(0, 4))
    ? r.body.name
    : `${r.body.name} nhiệm kỳ ${r.congress.term.replace('-', '–')}`;

export function ballotDataOf(r: RoundReport): BallotData {
  return {
    header: header(r),
    bodyName: bodyTitle(r),
    seats: r.round.seats,
    form: r.round.form,
    candidates: r.list.map((c) => ({ fullName: c.fullName })),
    roundNumber: r.round.number,
  };
}

/** The report of a closed round as the documents read it. */
export function minutesDataOf(r: RoundReport): RoundMinutesData {
  const byId = new Map(r.candidates.map((c) => [c.candidateId, c]));
  const documents = [...new Set(r.base.citations.map((c) => c.document))];
  return {
    ...ballotDataOf(r),
    congressKind: r.congress.kind === 'delegates' ? 'delegates' : 'members',
    countedOn: r.round.frozenAt ? today(new Date(r.round.frozenAt)) : today(),
    countingCommittee: r.countingCommittee.map((m) => ({
      fullName: m.fullName,
      role: m.role ?? 'Ủy viên',
    })),
    attendance: {
      ...r.attendance,
      base: r.base.value,
      exclusions: r.base.breakdown.filter((b) => b.count > 0),
    },
    ballots: {
      issued: r.ballots.issued,
      returned: r.ballots.returned,
      valid: r.ballots.valid,
      invalid: r.ballots.invalid,
      invalidReasons: r.ballots.invalidReasons,
    },
    results: r.list.map((l) => {
      const c = byId.get(l.candidateId);
      return {
        fullName: l.fullName,
        votes: c?.votes ?? 0,
        elected: c?.elected ?? false,
        rank: r.elected.find((e) => e.candidateId === l.candidateId)?.rank ?? null,
      };
    }),
    pendingDecision: r.needsDecision.needed && !r.decision ? r.needsDecision.reason : null,
    presidiumDecision: r.decision
      ? `${r.decision.label}${r.decision.note ? ` — ${r.decision.note}` : ''}`
      : null,
    annulment: r.round.annulment
      ? `Kết quả vòng bầu này đã bị cấp trên hủy theo ${r.round.annulment.decision}: ${r.round.annulment.reason}`
      : null,
    thresholdRule: documents.length ? `theo ${documents.join('; ')}` : 'theo quy định',
  };
}

const safeName = (s: string) => s.replace(/[\\/:*?"<>|]+/g, ' ').trim();
const fileBase = (prefix: string, r: RoundReport) =>
  safeName(`${prefix} ${r.body.name} - vòng ${r.round.number}`);

export async function printBallots(ctx: Ctx & { options: BallotPrintQuery }): Promise<RoundFile> {
  const report = await getRoundReport(ctx);
  if (report.round.status === 'annulled') {
    throw conflict('Vòng bầu này đã bị cấp trên hủy; không in phiếu cho vòng đã hủy.');
  }
  const body = await renderBallots(ballotDataOf(report), {
    count: ctx.options.count,
    numbered: ctx.options.numbered === 'true',
    firstSerial: ctx.options.firstSerial,
    perPage: ctx.options.perPage as 1 | 2 | 3,
  });
  return { body, fileName: `${fileBase('Phiếu bầu', report)}.pdf`, mime: PDF_MIME };
}

async function closedReport(ctx: Ctx): Promise<RoundReport> {
  const report = await getRoundReport(ctx);
  if (report.provisional) {
    throw conflict(
      'Vòng bầu chưa kết thúc: Ban kiểm phiếu cần kết thúc vòng bầu (khóa kết quả) trước khi lập biên bản và thông báo kết quả.',
    );
  }
  return report;
}

export async function minutesFile(ctx: Ctx & { format: 'docx' | 'pdf' }): Promise<RoundFile> {
  const report = await closedReport(ctx);
  const model = buildMinutes(minutesDataOf(report));
  const name = fileBase('Biên bản kiểm phiếu', report);
  return ctx.format === 'docx'
    ? { body: await renderDocDocx(model), fileName: `${name}.docx`, mime: DOCX_MIME }
    : { body: await renderDocPdf(model), fileName: `${name}.pdf`, mime: PDF_MIME };
}

export async function announcementFile(ctx: Ctx): Promise<RoundFile> {
  const report = await closedReport(ctx);
  return {
    body: await renderDocPdf(buildAnnouncement(minutesDataOf(report))),
    fileName: `${fileBase('Thông báo kết quả bầu cử', report)}.pdf`,
    mime: PDF_MIME,
  };
}
