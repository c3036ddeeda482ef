import { z } from 'zod';
import { isoDate } from './common.ts';
import { citationDto } from './rules.ts';

/** Printing ballots: how many, numbered or not, and how many to an A4 page. */
export const ballotPrintQuery = z.object({
  count: z.coerce
    .number()
    .int('phải là số nguyên')
    .min(1, 'phải từ 1 trở lên')
    .max(5000, 'tối đa 5.000 phiếu mỗi lần in')
    .default(1),
  numbered: z.enum(['true', 'false']).default('false'),
  firstSerial: z.coerce.number().int().min(1).max(999_999).default(1),
  perPage: z.coerce.number().int().min(1).max(3).default(1),
});
export type BallotPrintQuery = z.infer<typeof ballotPrintQuery>;

const share = z.object({ count: z.number(), percent: z.number() });
const groupStats = z.object({
  size: z.number(),
  reElected: share,
  firstTime: share,
  women: share,
  young: share,
  ethnicMinority: share,
  averageAge: z.number().nullable(),
});

/** Statistics of an election list and of those elected so far (closed, not annulled rounds). */
export const bodyStatsDto = z.object({
  electionId: z.number(),
  bodyName: z.string(),
  seats: z.number(),
  candidates: z.number(),
  surplus: share,
  list: groupStats,
  elected: groupStats.nullable(),
  referenceMonth: z.string(),
  /** Names on the list with no member record (floor nominees typed in): not in the figures. */
  withoutRecord: z.array(z.string()),
  citations: z.array(citationDto),
});
export type BodyStatsDto = z.infer<typeof bodyStatsDto>;

/** Chuẩn y: the higher level's approval of an election's results. */
export const acceptanceDto = z.object({
  electionId: z.number(),
  bodyName: z.string(),
  /** The post title the elected will hold (null: the body is not a post, e.g. delegates). */
  postTitle: z.string().nullable(),
  /** Whether the results may be approved now, and why not. */
  canAccept: z.boolean(),
  blockers: z.array(z.string()),
  elected: z.array(
    z.object({ memberId: z.number().nullable(), fullName: z.string(), votes: z.number() }),
  ),
  accepted: z
    .object({
      decisionNumber: z.string(),
      decisionDate: isoDate,
      approvingBody: z.string(),
      appointmentsCreated: z.number(),
      appointmentsClosed: z.number(),
      at: z.string(),
      by: z.string(),
    })
    .nullable(),
  citations: z.array(citationDto),
});
export type AcceptanceDto = z.infer<typeof acceptanceDto>;

export const acceptBody = z.object({
  decisionNumber: z.string().trim().min(1, 'không được để trống').max(100, 'tối đa 100 ký tự'),
  decisionDate: isoDate,
  approvingBody: z.string().trim().max(200, 'tối đa 200 ký tự').default(''),
});
export type AcceptBody = z.infer<typeof acceptBody>;
