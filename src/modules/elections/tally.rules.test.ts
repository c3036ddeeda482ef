import { describe, expect, it } from 'vitest';
import type { StrikeBallot } from './ballot.rules.ts';
import { shippedElectionRules } from './election-rule-values.ts';
import { tally, type TallyInput } from './tally.rules.ts';

const rules = shippedElectionRules('2025-09-01');
const people = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ id: `c${i + 1}`, name: `Người ${i + 1}` }));

/** `n` issued strike ballots each keeping exactly `keep` (the rest struck). */
function ballots(
  ids: string[],
  groups: { count: number; keep: string[] }[],
  issued = true,
): StrikeBallot[] {
  const out: StrikeBallot[] = [];
  for (const g of groups) {
    for (let i = 0; i < g.count; i++) {
      out.push({
        serial: String(out.length + 1),
        issued,
        struck: ids.filter((id) => !g.keep.includes(id)),
      });
    }
  }
  return out;
}

const run = (over: Partial<TallyInput> & Pick<TallyInput, 'ballots'>) =>
  tally({ form: 'strike', candidates: people(3), seats: 2, base: 10, rules, ...over });

describe('tally — threshold of the base', () => {
  it('cell of 11 full members, 10 present: 5 votes do not elect, 6 do', () => {
    const ids = ['c1', 'c2', 'c3'];
    const r = run({
      base: 11,
      seats: 1,
      ballots: ballots(ids, [
        { count: 6, keep: ['c1'] },
        { count: 4, keep: ['c2'] },
      ]),
    });
    expect(r.candidates.find((c) => c.id === 'c1')).toMatchObject({ votes: 6, elected: true });
    expect(r.candidates.find((c) => c.id === 'c1')!.percent).toBe(54.55);
    const five = run({
      base: 11,
      seats: 1,
      ballots: ballots(ids, [
        { count: 5, keep: ['c1'] },
        { count: 5, keep: ['c2'] },
      ]),
    });
    // 5 of 10 ballots would be half, and is not more than half of the base 11 either
    expect(five.elected).toEqual([]);
    expect(five.candidates[0]).toMatchObject({ votes: 5, percent: 45.45, elected: false });
  });

  it('exactly half of the base is not elected; one more is', () => {
    const ids = ['c1', 'c2', 'c3'];
    const half = run({ base: 10, ballots: ballots(ids, [{ count: 5, keep: ['c1', 'c2'] }]) });
    expect(half.candidates.map((c) => c.passedThreshold)).toEqual([false, false, false]);
    expect(half.elected).toEqual([]);
    const more = run({ base: 10, ballots: ballots(ids, [{ count: 6, keep: ['c1', 'c2'] }]) });
    expect(more.elected).toEqual(['c1', 'c2']);
    expect(more.needsDecision).toBeNull();
  });

  it('percentages are of the base, not of the ballots', () => {
    const ids = ['c1', 'c2', 'c3'];
    const r = run({ base: 20, ballots: ballots(ids, [{ count: 9, keep: ['c1', 'c2'] }]) });
    expect(r.candidates[0]).toMatchObject({ votes: 9, percent: 45, elected: false });
    expect(r.needsDecision?.code).toBe('fewer_elected');
  });

  it('uses the threshold of the rules it is given, and cites it', () => {
    const strict = {
      electedMinPercent: { value: 60, citation: { rule: 'Ngưỡng thử', document: 'Văn bản thử' } },
    };
    const ids = ['c1', 'c2', 'c3'];
    const r = run({ rules: strict, ballots: ballots(ids, [{ count: 6, keep: ['c1', 'c2'] }]) });
    expect(r.elected).toEqual([]);
    expect(r.citations[0]).toEqual(strict.electedMinPercent.citation);
    expect(run({ ballots: [] }).citations[0]!.document).toContain('190-QĐ/TW');
  });
});

describe('tally — ranking and seats', () => {
  it('ranks by votes and gives the seats to the highest when more pass than seats', () => {
    const ids = ['c1', 'c2', 'c3', 'c4'];
    const r = run({
      candidates: people(4),
      seats: 2,
      base: 10,
      ballots: ballots(ids, [
        { count: 3, keep: ['c2', 'c4'] },
        { count: 4, keep: ['c3', 'c4'] },
        { count: 3, keep: ['c2', 'c3'] },
      ]),
    });
    // c4: 7, c3: 7, c2: 6 all pass; c4 and c3 share rank 1; c2 is third and not elected
    expect(r.candidates.map((c) => [c.id, c.votes, c.rank, c.elected])).toEqual([
      ['c1', 0, 4, false],
      ['c2', 6, 3, false],
      ['c3', 7, 1, true],
      ['c4', 7, 1, true],
    ]);
    expect(r.elected).toEqual(['c3', 'c4']);
    expect(r.needsDecision).toBeNull();
  });

  it('a tie at the last seat is not decided: the tied are not elected and the options are listed', () => {
    const ids = ['c1', 'c2', 'c3', 'c4'];
    const r = run({
      candidates: people(4),
      seats: 2,
      base: 10,
      ballots: ballots(ids, [
        { count: 4, keep: ['c1', 'c2'] },
        { count: 4, keep: ['c1', 'c3'] },
        { count: 2, keep: ['c2', 'c3'] },
      ]),
    });
    // c1: 8, c2: 6, c3: 6 — c2 and c3 tie for the second seat
    expect(r.elected).toEqual(['c1']);
    expect(r.candidates.filter((c) => c.elected).map((c) => c.id)).toEqual(['c1']);
    expect(r.needsDecision).toMatchObject({
      code: 'tie_at_last_seat',
      tiedCandidateIds: ['c2', 'c3'],
    });
    expect(r.needsDecision!.reason).toContain('cùng đạt 6 phiếu');
    expect(r.needsDecision!.options).toEqual([
      expect.objectContaining({
        code: 'another_round',
        seats: 1,
        candidateIds: ['c2', 'c3', 'c4'],
      }),
      expect.objectContaining({ code: 'stop', seats: 0, candidateIds: [] }),
    ]);
    expect(r.citations.map((c) => c.rule).join(' ')).toContain('đại hội quyết định');
  });

  it('equal votes inside the seats need no decision', () => {
    const ids = ['c1', 'c2', 'c3'];
    const r = run({ base: 10, ballots: ballots(ids, [{ count: 8, keep: ['c1', 'c2'] }]) });
    expect(r.elected).toEqual(['c1', 'c2']);
    expect(r.needsDecision).toBeNull();
  });

  it('fewer elected than seats asks the congress, offering another round with the rest', () => {
    const ids = ['c1', 'c2', 'c3'];
    const r = run({
      base: 10,
      ballots: ballots(ids, [
        { count: 6, keep: ['c1'] },
        { count: 4, keep: ['c2'] },
      ]),
    });
    expect(r.elected).toEqual(['c1']);
    expect(r.needsDecision).toMatchObject({ code: 'fewer_elected', tiedCandidateIds: [] });
    expect(r.needsDecision!.reason).toContain('Chỉ 1/2 người');
    expect(r.needsDecision!.options[0]).toMatchObject({ seats: 1, candidateIds: ['c2', 'c3'] });
  });

  it('zero elected (no ballots at all) still reports every candidate and asks for a decision', () => {
    const r = run({ ballots: [] });
    expect(r).toMatchObject({ returned: 0, valid: 0, invalid: 0, elected: [] });
    expect(r.candidates).toHaveLength(3);
    expect(r.needsDecision?.options[0]).toMatchObject({ seats: 2 });
  });

  it('a single-candidate body', () => {
    const r = tally({
      form: 'yesno',
      candidates: people(1),
      seats: 1,
      base: 5,
      rules,
      ballots: [
        { serial: '1', issued: true, agree: ['c1'], disagree: [] },
        { serial: '2', issued: true, agree: ['c1'], disagree: [] },
        { serial: '3', issued: true, agree: ['c1'], disagree: ['c1'] },
        { serial: '4', issued: true, agree: ['c1'], disagree: [] },
      ],
    });
    // ballot 3 is valid but not counted for c1: 3 of 5 > half
    expect(r).toMatchObject({ valid: 4, invalid: 0, elected: ['c1'] });
    expect(r.candidates[0]).toMatchObject({ votes: 3, percent: 60 });
  });
});

describe('tally — ballots', () => {
  it('lists invalid ballots with their reasons and counts only the valid ones', () => {
    const ids = ['c1', 'c2', 'c3'];
    const good = ballots(ids, [{ count: 6, keep: ['c1', 'c2'] }]);
    const r = run({
      ballots: [
        ...good,
        { serial: 'x1', issued: false, struck: ['c3'] },
        { serial: 'x2', issued: true, struck: [] },
        { serial: 'x3', issued: true, struck: [] },
      ],
    });
    expect(r).toMatchObject({ returned: 9, valid: 6, invalid: 3 });
    expect(r.invalidBallots).toEqual([
      { ballot: 'x1', code: 'not_issued', reason: 'Phiếu không do ban kiểm phiếu phát ra' },
      { ballot: 'x2', code: 'nothing_struck', reason: expect.stringContaining('không gạch') },
      { ballot: 'x3', code: 'nothing_struck', reason: expect.stringContaining('không gạch') },
    ]);
    expect(r.candidates.map((c) => c.votes)).toEqual([6, 6, 0]);
  });

  it('refuses duplicate serials, a base below the issued ballots, and a base of 0', () => {
    const ids = ['c1', 'c2', 'c3'];
    const twice = [
      ...ballots(ids, [{ count: 2, keep: ['c1'] }]),
      { serial: '1', issued: true, struck: ['c1'] },
    ];
    expect(() => run({ ballots: twice })).toThrow('Số phiếu 1 bị nhập hai lần.');
    expect(() => run({ base: 3, ballots: ballots(ids, [{ count: 4, keep: ['c1'] }]) })).toThrow(
      'nhiều hơn tổng số được triệu tập',
    );
    expect(() => run({ base: 0, ballots: [] })).toThrow('số nguyên dương');
  });
});
