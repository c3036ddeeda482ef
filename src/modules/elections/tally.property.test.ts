import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { StrikeBallot } from './ballot.rules.ts';
import { shippedElectionRules } from './election-rule-values.ts';
import { reconcileEntries } from './reconcile.rules.ts';
import { tally } from './tally.rules.ts';

const rules = shippedElectionRules('2025-09-01');

/** A round: 1–8 candidates, 1..candidates seats, ballots striking any subset, base ≥ ballots. */
const round = fc
  .integer({ min: 1, max: 8 })
  .chain((n) => {
    const ids = Array.from({ length: n }, (_, i) => `c${i}`);
    const ballot = fc.record({
      // mostly issued ballots, some not issued by the counting committee
      issued: fc.integer({ min: 0, max: 9 }).map((n) => n > 0),
      struck: fc.subarray(ids),
    });
    return fc.record({
      ids: fc.constant(ids),
      seats: fc.integer({ min: 1, max: n }),
      ballots: fc.array(ballot, { maxLength: 40 }),
      extraBase: fc.integer({ min: 0, max: 20 }),
    });
  })
  .map(({ ids, seats, ballots, extraBase }) => ({
    candidates: ids.map((id) => ({ id, name: id })),
    seats,
    ballots: ballots.map((b, i): StrikeBallot => ({ serial: String(i + 1), ...b })),
    base: Math.max(1, ballots.length + extraBase),
  }));

const count = (input: Parameters<typeof tally>[0]) => tally(input);

describe('tally — properties', () => {
  it('no one at or below half of the base is elected, and never more than the seats', () => {
    fc.assert(
      fc.property(round, (r) => {
        const res = count({ form: 'strike', rules, ...r });
        expect(res.elected.length).toBeLessThanOrEqual(r.seats);
        for (const c of res.candidates) {
          if (c.elected) expect(c.votes * 2).toBeGreaterThan(r.base);
        }
        expect(
          res.candidates
            .filter((c) => c.elected)
            .map((c) => c.id)
            .sort(),
        ).toEqual([...res.elected].sort());
        // a shortfall or tie is always put to the congress
        expect(res.needsDecision === null).toBe(res.elected.length === r.seats);
      }),
    );
  });

  it('adding a valid ballot never lowers anyone’s votes', () => {
    fc.assert(
      fc.property(round, fc.nat(), (r, pick) => {
        const before = count({ form: 'strike', rules, ...r });
        // a valid ballot: keep at most `seats` names, strike at least one when there is a surplus
        const ids = r.candidates.map((c) => c.id);
        const keep = ids.slice(
          0,
          Math.max(0, Math.min(r.seats, ids.length - 1, pick % (r.seats + 1))),
        );
        const extra: StrikeBallot = {
          serial: 'extra',
          issued: true,
          struck: ids.filter((id) => !keep.includes(id)),
        };
        const after = count({
          form: 'strike',
          rules,
          ...r,
          base: r.base + 1,
          ballots: [...r.ballots, extra],
        });
        expect(after.valid).toBe(before.valid + 1);
        after.candidates.forEach((c, i) => {
          expect(c.votes).toBeGreaterThanOrEqual(before.candidates[i]!.votes);
        });
      }),
    );
  });

  it('the order of ballots does not matter', () => {
    fc.assert(
      fc.property(
        round.chain((r) =>
          fc.tuple(fc.constant(r), fc.shuffledSubarray(r.ballots, { minLength: r.ballots.length })),
        ),
        ([r, shuffled]) => {
          const a = count({ form: 'strike', rules, ...r });
          const b = count({ form: 'strike', rules, ...r, ballots: shuffled });
          expect(b.candidates).toEqual(a.candidates);
          expect(b.elected).toEqual(a.elected);
          expect(b.needsDecision).toEqual(a.needsDecision);
          expect(b.valid).toBe(a.valid);
        },
      ),
    );
  });

  it('reconciling identical entries gives no disagreement and agrees on every ballot', () => {
    fc.assert(
      fc.property(round, fc.integer({ min: 2, max: 3 }), (r, operators) => {
        const entries = Array.from({ length: operators }, (_, i) => ({
          operator: `op${i}`,
          // each operator types the same ballots in a different order, names in a different order
          ballots: (i % 2 ? [...r.ballots].reverse() : r.ballots).map((b) => ({
            ...b,
            struck: i ? [...b.struck].reverse() : b.struck,
          })),
        }));
        const rec = reconcileEntries({ form: 'strike', entries });
        expect(rec.disagreements).toEqual([]);
        expect(rec.missing).toEqual([]);
        expect(rec.ok).toBe(true);
        expect(rec.agreed).toHaveLength(r.ballots.length);
        // counting the agreed ballots gives the same result as counting one entry
        const a = count({ form: 'strike', rules, ...r });
        const b = count({ form: 'strike', rules, ...r, ballots: rec.agreed });
        expect(b.candidates).toEqual(a.candidates);
      }),
    );
  });
});
