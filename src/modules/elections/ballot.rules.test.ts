import { describe, expect, it } from 'vitest';
import { BallotInputError, judgeBallot, type BallotContext } from './ballot.rules.ts';

const strike: BallotContext = { form: 'strike', candidateIds: ['a', 'b', 'c', 'd', 'e'], seats: 3 };
const yesno: BallotContext = { form: 'yesno', candidateIds: ['a', 'b', 'c'], seats: 3 };

describe('judgeBallot — strike form (list with surplus)', () => {
  it('counts the names left on a valid ballot', () => {
    const j = judgeBallot({ serial: '1', issued: true, struck: ['b', 'd'] }, strike);
    expect(j).toEqual({ valid: true, votes: ['a', 'c', 'e'], uncounted: [] });
  });

  it('keeps fewer names than seats valid, and a ballot striking everyone elects nobody', () => {
    expect(judgeBallot({ serial: '1', issued: true, struck: ['a', 'b', 'c'] }, strike)).toEqual({
      valid: true,
      votes: ['d', 'e'],
      uncounted: [],
    });
    const blank = judgeBallot(
      { serial: '2', issued: true, struck: ['a', 'b', 'c', 'd', 'e'] },
      strike,
    );
    expect(blank).toEqual({ valid: true, votes: [], uncounted: [] });
  });

  it('refuses a ballot not issued by the counting committee, with the reason and the rule', () => {
    const j = judgeBallot({ serial: '7', issued: false, struck: ['a', 'b'] }, strike);
    expect(j.valid).toBe(false);
    if (j.valid) return;
    expect(j.code).toBe('not_issued');
    expect(j.reason).toBe('Phiếu không do ban kiểm phiếu phát ra');
    expect(j.citation.document).toContain('190-QĐ/TW');
    expect(j.citation.document).toContain('04-HD/TW');
  });

  it('refuses a ballot with nothing struck on a list with surplus', () => {
    const j = judgeBallot({ serial: '1', issued: true, struck: [] }, strike);
    expect(j).toMatchObject({ valid: false, code: 'nothing_struck' });
  });

  it('refuses a ballot keeping more names than seats (one struck of a surplus of two)', () => {
    const j = judgeBallot({ serial: '1', issued: true, struck: ['a'] }, strike);
    expect(j).toMatchObject({ valid: false, code: 'too_many_elected' });
  });

  it('counts a name struck twice once', () => {
    const j = judgeBallot({ serial: '1', issued: true, struck: ['a', 'a', 'b'] }, strike);
    expect(j).toEqual({ valid: true, votes: ['c', 'd', 'e'], uncounted: [] });
    // 'a' twice is still one struck name: four kept for three seats
    expect(judgeBallot({ serial: '2', issued: true, struck: ['a', 'a'] }, strike)).toMatchObject({
      valid: false,
      code: 'too_many_elected',
    });
  });

  it('accepts nothing struck when the list has no surplus', () => {
    const ctx: BallotContext = { form: 'strike', candidateIds: ['a', 'b'], seats: 2 };
    expect(judgeBallot({ serial: '1', issued: true, struck: [] }, ctx)).toEqual({
      valid: true,
      votes: ['a', 'b'],
      uncounted: [],
    });
  });

  it('a single-candidate body: keeping or striking the one name is valid', () => {
    const ctx: BallotContext = { form: 'strike', candidateIds: ['a'], seats: 1 };
    expect(judgeBallot({ serial: '1', issued: true, struck: [] }, ctx)).toMatchObject({
      votes: ['a'],
    });
    expect(judgeBallot({ serial: '2', issued: true, struck: ['a'] }, ctx)).toMatchObject({
      valid: true,
      votes: [],
    });
  });

  it('treats an id not on the list as an input error naming the ballot, not as a vote', () => {
    expect(() => judgeBallot({ serial: '12', issued: true, struck: ['zz'] }, strike)).toThrow(
      BallotInputError,
    );
    expect(() => judgeBallot({ serial: '12', issued: true, struck: ['zz'] }, strike)).toThrow(
      'Phiếu số 12: mã "zz" không có trong danh sách bầu cử.',
    );
    // even on a ballot that is invalid anyway
    expect(() => judgeBallot({ serial: '13', issued: false, struck: ['zz'] }, strike)).toThrow(
      BallotInputError,
    );
  });

  it('refuses a ballot of the other form, a missing serial and a bad context', () => {
    expect(() =>
      judgeBallot({ serial: '1', issued: true, agree: [], disagree: [] }, strike),
    ).toThrow('không phải phiếu gạch tên');
    expect(() => judgeBallot({ serial: ' ', issued: true, struck: ['a', 'b'] }, strike)).toThrow(
      'thiếu số phiếu',
    );
    expect(() =>
      judgeBallot({ serial: '1', issued: true, struck: [] }, { ...strike, seats: 0 }),
    ).toThrow('Số lượng cần bầu');
    expect(() =>
      judgeBallot(
        { serial: '1', issued: true, struck: [] },
        { ...strike, candidateIds: ['a', 'a'] },
      ),
    ).toThrow('trùng');
  });
});

describe('judgeBallot — đồng ý / không đồng ý form (no surplus)', () => {
  it('counts "đồng ý" only', () => {
    const j = judgeBallot({ serial: '1', issued: true, agree: ['a', 'c'], disagree: ['b'] }, yesno);
    expect(j).toEqual({ valid: true, votes: ['a', 'c'], uncounted: [] });
  });

  it('a name with both boxes or neither is not counted for that name; the ballot stays valid', () => {
    const j = judgeBallot({ serial: '1', issued: true, agree: ['a', 'b'], disagree: ['b'] }, yesno);
    expect(j).toEqual({ valid: true, votes: ['a'], uncounted: ['b', 'c'] });
  });

  it('a ballot with nothing marked is valid and counts for nobody', () => {
    const j = judgeBallot({ serial: '1', issued: true, agree: [], disagree: [] }, yesno);
    expect(j).toEqual({ valid: true, votes: [], uncounted: ['a', 'b', 'c'] });
  });

  it('refuses a ballot not issued by the counting committee', () => {
    const j = judgeBallot({ serial: '1', issued: false, agree: ['a'], disagree: [] }, yesno);
    expect(j).toMatchObject({ valid: false, code: 'not_issued' });
  });

  it('refuses more "đồng ý" than seats when the list is longer than the seats', () => {
    const ctx: BallotContext = { form: 'yesno', candidateIds: ['a', 'b', 'c'], seats: 2 };
    const j = judgeBallot({ serial: '1', issued: true, agree: ['a', 'b', 'c'], disagree: [] }, ctx);
    expect(j).toMatchObject({ valid: false, code: 'too_many_elected' });
  });

  it('an unknown id in either column is an input error', () => {
    expect(() =>
      judgeBallot({ serial: '4', issued: true, agree: [], disagree: ['x'] }, yesno),
    ).toThrow('Phiếu số 4: mã "x"');
    expect(() => judgeBallot({ serial: '4', issued: true, struck: [] }, yesno)).toThrow(
      'đồng ý / không đồng ý',
    );
  });
});
