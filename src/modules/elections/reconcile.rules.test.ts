import { describe, expect, it } from 'vitest';
import type { StrikeBallot, YesNoBallot } from './ballot.rules.ts';
import { checkCounts, reconcileEntries } from './reconcile.rules.ts';

const s = (serial: string, struck: string[], issued = true): StrikeBallot => ({
  serial,
  issued,
  struck,
});

describe('reconcileEntries', () => {
  it('agrees on identical entries whatever the order of names or ballots', () => {
    const r = reconcileEntries({
      form: 'strike',
      entries: [
        { operator: 'Lan', ballots: [s('1', ['b', 'a']), s('2', []), s('10', ['c'])] },
        { operator: 'Hùng', ballots: [s('10', ['c']), s('1', ['a', 'b', 'a']), s('2', [])] },
      ],
    });
    expect(r.ok).toBe(true);
    expect(r.agreed).toEqual([s('1', ['a', 'b']), s('2', []), s('10', ['c'])]);
    expect(r.disagreements).toEqual([]);
  });

  it('shows each operator’s version and what differs; the ballot is not counted', () => {
    const r = reconcileEntries({
      form: 'strike',
      entries: [
        { operator: 'Lan', ballots: [s('1', ['a', 'b']), s('2', ['c'])] },
        { operator: 'Hùng', ballots: [s('1', ['a', 'c']), s('2', ['c'])] },
        { operator: 'Mai', ballots: [s('1', ['a', 'b'], false), s('2', ['c'])] },
      ],
    });
    expect(r.ok).toBe(false);
    expect(r.agreed.map((b) => b.serial)).toEqual(['2']);
    expect(r.disagreements).toHaveLength(1);
    const d = r.disagreements[0]!;
    expect(d.serial).toBe('1');
    expect(d.versions.map((v) => v.operator)).toEqual(['Lan', 'Hùng', 'Mai']);
    expect(d.differences).toEqual([
      { field: 'issued', message: expect.stringContaining('Mai: không') },
      {
        field: 'struck',
        message: 'Gạch tên: b chỉ có ở bản nhập của Lan, Mai; c chỉ có ở bản nhập của Hùng',
      },
    ]);
  });

  it('reports serials missing in some entries and duplicates inside one entry', () => {
    const r = reconcileEntries({
      form: 'strike',
      entries: [
        { operator: 'Lan', ballots: [s('1', ['a']), s('2', ['a']), s('2', ['a'])] },
        { operator: 'Hùng', ballots: [s('1', ['a']), s('2', ['a']), s('3', [])] },
      ],
    });
    expect(r.missing).toEqual([{ serial: '3', missingIn: ['Lan'], presentIn: ['Hùng'] }]);
    expect(r.duplicates).toEqual([{ operator: 'Lan', serial: '2', count: 2 }]);
    // serial 2 is held back until the duplicate is fixed
    expect(r.agreed.map((b) => b.serial)).toEqual(['1']);
    expect(r.ok).toBe(false);
  });

  it('compares both columns of the yes/no form', () => {
    const y = (serial: string, agree: string[], disagree: string[]): YesNoBallot => ({
      serial,
      issued: true,
      agree,
      disagree,
    });
    const r = reconcileEntries({
      form: 'yesno',
      entries: [
        { operator: 'A', ballots: [y('1', ['a'], ['b'])] },
        { operator: 'B', ballots: [y('1', ['a'], [])] },
      ],
    });
    expect(r.disagreements[0]!.differences).toEqual([
      { field: 'disagree', message: 'Không đồng ý: b chỉ có ở bản nhập của A' },
    ]);
    const named = reconcileEntries({
      form: 'yesno',
      entries: [
        { operator: 'A', ballots: [y('1', ['a'], ['b'])] },
        { operator: 'B', ballots: [y('1', ['a'], [])] },
      ],
      candidateNames: new Map([['b', 'Trần Thị Bình']]),
    });
    expect(named.disagreements[0]!.differences[0]!.message).toBe(
      'Không đồng ý: Trần Thị Bình chỉ có ở bản nhập của A',
    );
  });
});

describe('checkCounts', () => {
  it('passes when returned ≤ issued and every returned ballot is entered', () => {
    expect(checkCounts({ issued: 100, returned: 98, entered: 98 })).toEqual({
      ok: true,
      problems: [],
    });
  });

  it('explains each mismatch in Vietnamese', () => {
    const r = checkCounts({ issued: 100, returned: 101, entered: 99 });
    expect(r.ok).toBe(false);
    expect(r.problems.map((p) => p.message)).toEqual([
      'Số phiếu thu vào (101) nhiều hơn số phiếu phát ra (100).',
      'Mới nhập 99 phiếu, còn thiếu 2 so với số phiếu thu vào (101).',
    ]);
    expect(checkCounts({ issued: 10, returned: 9, entered: 10 }).problems[0]!.message).toBe(
      'Đã nhập 10 phiếu, nhiều hơn số phiếu thu vào (9) 1 phiếu.',
    );
    expect(checkCounts({ issued: -1, returned: 0, entered: 0 }).problems[0]!.code).toBe('negative');
  });
});
