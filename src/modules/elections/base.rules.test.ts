import { describe, expect, it } from 'vitest';
import { presentCount, thresholdBase, type Attendee, type AttendeeStatus } from './base.rules.ts';

const member = (status: AttendeeStatus, role: Attendee['role'] = 'full_member'): Attendee => ({
  role,
  status,
  conveningCommittee: false,
});
const times = <T>(n: number, make: () => T): T[] => Array.from({ length: n }, make);

describe('thresholdBase — members’ congress', () => {
  it('a cell of 11 full members, 10 present, one absent without reason: base 11', () => {
    const attendees = [...times(10, () => member('present')), member('absent_unexcused')];
    const b = thresholdBase({ kind: 'members', attendees });
    expect(b).toMatchObject({ summoned: 11, base: 11 });
    expect(b.exclusions.every((e) => e.count === 0)).toBe(true);
    expect(presentCount({ kind: 'members', attendees })).toBe(10);
    expect(b.citation.document).toContain('190-QĐ/TW');
  });

  it('subtracts every exclusion of the regulation and counts each', () => {
    const attendees = [
      ...times(20, () => member('present')),
      ...times(2, () => member('attending_elsewhere')),
      ...times(3, () => member('exempted_absent')),
      member('suspended'),
      ...times(4, () => member('absent_excused')),
      ...times(2, () => member('absent_unexcused')),
      ...times(5, () => member('expected')),
      // probationary members attend without a vote: not summoned into the base
      ...times(6, () => member('present', 'probationary_member')),
    ];
    const b = thresholdBase({ kind: 'members', attendees });
    expect(b.summoned).toBe(37);
    expect(b.exclusions).toEqual([
      { code: 'attending_elsewhere', label: expect.stringContaining('tạm thời'), count: 2 },
      { code: 'exempted_absent', label: expect.stringContaining('miễn sinh hoạt'), count: 3 },
      { code: 'suspended', label: expect.stringContaining('đình chỉ'), count: 1 },
      { code: 'absent_excused', label: expect.stringContaining('lý do'), count: 4 },
    ]);
    expect(b.base).toBe(37 - 10);
    expect(presentCount({ kind: 'members', attendees })).toBe(20);
  });

  it('a suspended member stays out of the base and out of the vote even if in the room', () => {
    const attendees = [member('present'), member('present'), member('suspended')];
    expect(thresholdBase({ kind: 'members', attendees }).base).toBe(2);
    expect(presentCount({ kind: 'members', attendees })).toBe(2);
  });

  it('refuses delegates and replacements at a members’ congress', () => {
    expect(() =>
      thresholdBase({ kind: 'members', attendees: [member('present', 'delegate')] }),
    ).toThrow('chỉ triệu tập đảng viên');
    expect(() => thresholdBase({ kind: 'members', attendees: [member('replaced')] })).toThrow(
      'dự khuyết',
    );
  });
});

describe('thresholdBase — delegates’ congress', () => {
  const delegate = (status: AttendeeStatus, conveningCommittee = false): Attendee => ({
    role: 'delegate',
    status,
    conveningCommittee,
  });

  it('official delegates minus absent convening-committee members and absent delegates with no alternate', () => {
    const attendees: Attendee[] = [
      ...times(90, () => delegate('present')),
      ...times(10, () => delegate('present', true)),
      ...times(2, () => delegate('absent_excused', true)),
      delegate('absent_unexcused', true),
      ...times(3, () => delegate('absent_excused')),
      delegate('suspended'),
      // replaced: the alternate sits and votes in the seat, which stays in the base
      ...times(4, () => delegate('replaced')),
      ...times(
        4,
        () => ({ role: 'alternate', status: 'present', conveningCommittee: false }) as const,
      ),
      // alternates who did not replace anyone
      ...times(
        2,
        () => ({ role: 'alternate', status: 'expected', conveningCommittee: false }) as const,
      ),
    ];
    const b = thresholdBase({ kind: 'delegates', attendees });
    expect(b.summoned).toBe(111);
    expect(b.exclusions).toEqual([
      { code: 'convening_committee_absent', label: expect.any(String), count: 3 },
      { code: 'delegate_absent_no_alternate', label: expect.any(String), count: 4 },
    ]);
    expect(b.base).toBe(104);
    expect(presentCount({ kind: 'delegates', attendees })).toBe(104);
  });

  it('refuses members’ roles at a delegates’ congress', () => {
    expect(() => thresholdBase({ kind: 'delegates', attendees: [member('present')] })).toThrow(
      'đại biểu chính thức và dự khuyết',
    );
  });

  it('an empty congress has base 0', () => {
    expect(thresholdBase({ kind: 'delegates', attendees: [] })).toMatchObject({
      summoned: 0,
      base: 0,
    });
  });
});
