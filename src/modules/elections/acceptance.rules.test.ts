import { describe, expect, it } from 'vitest';
import {
  acceptanceBlockers,
  checkDecisionDate,
  postCodeOfBody,
  type RoundFacts,
} from './acceptance.rules.ts';

const closed = (number: number, over: Partial<RoundFacts> = {}): RoundFacts => ({
  number,
  status: 'closed',
  needsDecision: false,
  decision: null,
  ...over,
});
const elected = [{ fullName: 'Lê Thị Hoa', memberId: 1 }];
const blockers = (
  rounds: RoundFacts[],
  over: Partial<Parameters<typeof acceptanceBlockers>[0]> = {},
) =>
  acceptanceBlockers({
    bodyKind: 'executive_committee',
    bodyName: 'Ban Chấp hành',
    rounds,
    accepted: false,
    elected,
    ...over,
  }).map((v) => v.message);

describe('when results may be approved', () => {
  it('a single closed round with the elected: nothing blocks', () => {
    expect(blockers([closed(1)])).toEqual([]);
  });

  it('no round, or an open one, blocks', () => {
    expect(blockers([], { elected: [] })).toEqual(['Chưa có vòng bầu nào kết thúc (khóa kết quả)']);
    expect(blockers([closed(1), { ...closed(2), status: 'open' }])).toEqual([
      'Vòng bầu thứ 2 chưa kết thúc',
    ]);
  });

  it('a round waiting for the presidium blocks; a decision to stop releases it', () => {
    expect(blockers([closed(1, { needsDecision: true })])[0]).toContain('chờ Đoàn Chủ tịch');
    expect(blockers([closed(1, { needsDecision: true, decision: 'stop' })])).toEqual([]);
  });

  it('a decision for another round blocks until that round is held and closed', () => {
    const first = closed(1, { needsDecision: true, decision: 'another_round' });
    expect(blockers([first])[0]).toContain('vòng sau chưa được tổ chức');
    expect(blockers([first, closed(2)])).toEqual([]);
  });

  it('annulled rounds are left out', () => {
    expect(blockers([{ ...closed(1), status: 'annulled' }], { elected: [] })).toEqual([
      'Chưa có vòng bầu nào kết thúc (khóa kết quả)',
    ]);
    expect(blockers([{ ...closed(1), status: 'annulled' }, closed(2)])).toEqual([]);
  });

  it('already approved, no one elected, a person without a record, or a body that is no post', () => {
    expect(blockers([closed(1)], { accepted: true })).toEqual([
      'Kết quả bầu cử này đã được chuẩn y',
    ]);
    expect(blockers([closed(1)], { elected: [] })).toEqual(['Không có đồng chí nào trúng cử']);
    expect(
      blockers([closed(1)], { elected: [{ fullName: 'Đỗ Văn Giang', memberId: null }] })[0],
    ).toContain('Đỗ Văn Giang');
    expect(
      blockers([closed(1)], {
        bodyKind: 'higher_delegates',
        bodyName: 'Đại biểu dự đại hội cấp trên',
      })[0],
    ).toContain('không phải là chức vụ');
  });

  it('every refusal names its source', () => {
    const v = acceptanceBlockers({
      bodyKind: 'standing_committee',
      bodyName: 'Ban Thường vụ',
      rounds: [closed(1, { needsDecision: true })],
      accepted: false,
      elected,
    });
    expect(v.every((x) => x.citations.length > 0)).toBe(true);
  });
});

describe('approval date and posts', () => {
  it('not before the count and not in the future; the boundary days are allowed', () => {
    expect(checkDecisionDate('2025-06-20', '2025-06-11', '2025-07-01').ok).toBe(true);
    expect(checkDecisionDate('2025-06-11', '2025-06-11', '2025-06-11').ok).toBe(true);
    expect(checkDecisionDate('2025-06-10', '2025-06-11', '2025-07-01').message).toContain(
      '10/06/2025',
    );
    expect(checkDecisionDate('2025-07-02', '2025-06-11', '2025-07-01').ok).toBe(false);
  });

  it('maps each body to its post, and delegates to none', () => {
    expect(postCodeOfBody.executive_committee).toBe('UV-BCH');
    expect(postCodeOfBody.standing_committee).toBe('UV-BTV');
    expect(postCodeOfBody.secretary).toBe('BT');
    expect(postCodeOfBody.deputy_secretary).toBe('PBT');
    expect(postCodeOfBody.inspection_committee).toBe('UV-UBKT');
    expect(postCodeOfBody.inspection_chair).toBe('CN-UBKT');
    expect(postCodeOfBody.higher_delegates).toBeNull();
  });
});
