import { describe, expect, it } from 'vitest';
import { shippedRuleSet } from '../rules/registry.ts';
import {
  checkHigherPost,
  checkNominationTally,
  checkNotBeingAppointed,
  checkPoliticalStandard,
  checkPoolCapacity,
  checkPostsPerPerson,
  checkServiceLeft,
  compareToHeld,
  disciplineBlock,
  disciplineKind,
  planningRulesFor,
  removalTriggersOf,
  type EntryFacts,
  type PostRef,
} from './planning.rules.ts';

const rules = planningRulesFor(shippedRuleSet(), '/1/', '2026-01-15');
const QD377 = 'Quy định 377-QĐ/TW';

const post = (over: Partial<PostRef> = {}): PostRef => ({
  postTitleId: 1,
  unitId: 10,
  unitDepth: 2,
  level: 'head',
  name: 'Bí thư — Đảng ủy phường A',
  ...over,
});

describe('rule values come from the registry with QĐ 377 citations', () => {
  it('reads 3 people, 3 posts, 24/36/60 months and a full term of 60 months', () => {
    expect(rules.maxPeople.value).toBe(3);
    expect(rules.maxPosts.value).toBe(3);
    expect(rules.minService.value).toBe(60);
    expect([
      rules.block.reprimand.value,
      rules.block.warning.value,
      rules.block.dismissal.value,
    ]).toEqual([24, 36, 60]);
    expect(rules.maxPeople.citation.document).toContain(QD377);
  });
});

describe('at most 3 people per post', () => {
  it('allows the third person and refuses a fourth', () => {
    expect(checkPoolCapacity(2, rules)).toBeNull();
    const refused = checkPoolCapacity(3, rules);
    expect(refused?.severity).toBe('block');
    expect(refused?.message).toContain('tối đa 3 người');
    expect(refused?.citations[0]!.document).toContain(QD377);
  });
});

describe('at most 3 posts of the same level per person', () => {
  const target = post({ postTitleId: 9, unitId: 20 });
  const same = (i: number) => post({ postTitleId: 100 + i, unitId: 30 + i });
  it('allows a third post of the same level and refuses a fourth', () => {
    expect(checkPostsPerPerson(target, [same(1), same(2)], rules)).toBeNull();
    const refused = checkPostsPerPerson(target, [same(1), same(2), same(3)], rules);
    expect(refused?.severity).toBe('block');
    expect(refused?.message).toContain('Đã được quy hoạch 3 chức danh cùng cấp');
  });
  it('does not count posts of another level or tier', () => {
    const others = [
      post({ postTitleId: 2, level: 'deputy' }),
      post({ postTitleId: 3, unitDepth: 1 }),
      post({ postTitleId: 4, unitDepth: 3 }),
    ];
    expect(checkPostsPerPerson(target, others, rules)).toBeNull();
  });
});

describe('planned only for a higher post', () => {
  it('ranks a higher unit above, a deputy below a head, the same post as not higher', () => {
    const head = post();
    expect(compareToHeld(post({ unitDepth: 1, unitId: 1 }), head)).toBe('higher');
    expect(compareToHeld(head, post({ level: 'deputy', postTitleId: 2 }))).toBe('higher');
    expect(compareToHeld(post({ level: 'deputy', postTitleId: 2 }), head)).toBe('lower');
    expect(compareToHeld(head, head)).toBe('lower');
    expect(compareToHeld(post({ postTitleId: 5 }), head)).toBe('same_tier');
  });
  it('blocks a lower post, warns on the same tier, passes with no post held', () => {
    const deputy = post({ level: 'deputy', postTitleId: 2 });
    expect(checkHigherPost(deputy, [post()])?.severity).toBe('block');
    expect(checkHigherPost(post({ postTitleId: 7 }), [post()])?.severity).toBe('warn');
    expect(checkHigherPost(post(), [deputy])).toBeNull();
    expect(checkHigherPost(post(), [])).toBeNull();
  });
});

describe('no planning at the same time as an appointment to that post', () => {
  const target = post();
  it('blocks when appointed from a later date or holding it now', () => {
    const later = { postTitleId: 1, unitId: 10, startDate: '2026-03-01', endDate: null };
    expect(checkNotBeingAppointed(target, [later], '2026-01-15')?.message).toContain(
      'được bổ nhiệm từ 01/03/2026',
    );
    const now = { ...later, startDate: '2024-01-01' };
    expect(checkNotBeingAppointed(target, [now], '2026-01-15')?.severity).toBe('block');
  });
  it('passes for an ended appointment or another post', () => {
    const ended = { postTitleId: 1, unitId: 10, startDate: '2015-01-01', endDate: '2020-01-01' };
    const other = { postTitleId: 2, unitId: 10, startDate: '2024-01-01', endDate: null };
    expect(checkNotBeingAppointed(target, [ended, other], '2026-01-15')).toBeNull();
  });
});

describe('enough service for a full term', () => {
  it('counts from the start of the term planned for, exactly 60 months passes', () => {
    // Term 2026-2031 starts 01/01/2026; retiring 31/12/2030 leaves 59 months, 01/01/2031 60.
    expect(checkServiceLeft('2031-01-01', '2026-2031', '2025-11-01', rules)).toBeNull();
    const short = checkServiceLeft('2030-12-31', '2026-2031', '2025-11-01', rules);
    expect(short?.severity).toBe('block');
    expect(short?.message).toContain('còn 59 tháng');
  });
  it('counts from the decision when it is later than the term start', () => {
    expect(checkServiceLeft('2031-01-01', '2026-2031', '2026-06-01', rules)?.severity).toBe(
      'block',
    );
  });
  it('warns when retirement cannot be known', () => {
    expect(checkServiceLeft(null, '2026-2031', '2026-01-01', rules)?.severity).toBe('warn');
  });
});

describe('discipline blocks planning for 24/36/60 months', () => {
  it('reads the form of the résumé row', () => {
    expect(disciplineKind('Khiển trách')).toBe('reprimand');
    expect(disciplineKind('CẢNH CÁO')).toBe('warning');
    expect(disciplineKind('Cách chức Phó Chủ tịch')).toBe('dismissal');
    expect(disciplineKind('Khai trừ')).toBe('dismissal');
    expect(disciplineKind('Phê bình')).toBeNull();
  });
  it('blocks a reprimand until exactly 24 months have passed', () => {
    const d = [{ form: 'Khiển trách', fromDate: '2024-01-15' }];
    expect(disciplineBlock(d, '2026-01-14', rules, true)?.message).toContain('khiển trách');
    expect(disciplineBlock(d, '2026-01-15', rules, true)).toBeNull();
  });
  it('uses the longest block among several records, and hides details without permission', () => {
    const d = [
      { form: 'Khiển trách', fromDate: '2024-06-01' },
      { form: 'Cảnh cáo', fromDate: '2024-01-01' },
    ];
    const b = disciplineBlock(d, '2026-01-01', rules, true);
    expect(b?.message).toContain('cảnh cáo');
    expect(b?.message).toContain('01/01/2027');
    const hidden = disciplineBlock(d, '2026-01-01', rules, false);
    expect(hidden?.message).not.toContain('cảnh cáo');
    expect(hidden?.message).toContain('phần hồ sơ mật');
  });
  it('ignores lighter forms and records without a date', () => {
    const d = [
      { form: 'Phê bình', fromDate: '2025-06-01' },
      { form: 'Cảnh cáo', fromDate: null },
    ];
    expect(disciplineBlock(d, '2026-01-01', rules, true)).toBeNull();
  });
});

describe('political standard and the ballot tally', () => {
  it('blocks a negative conclusion and warns when there is none', () => {
    expect(checkPoliticalStandard('met')).toBeNull();
    expect(checkPoliticalStandard('not_met')?.severity).toBe('block');
    expect(checkPoliticalStandard('pending')?.severity).toBe('warn');
  });
  it('needs more than half of the votes cast: exactly half only warns', () => {
    expect(checkNominationTally(20, 11, rules)).toBeNull();
    const half = checkNominationTally(20, 10, rules);
    expect(half?.severity).toBe('warn');
    expect(half?.message).toContain('10/20');
    expect(checkNominationTally(null, null, rules)).toBeNull();
    expect(checkNominationTally(0, 0, rules)?.severity).toBe('block');
  });
});

describe('removal triggers at the annual review', () => {
  const base: EntryFacts = {
    term: '2026-2031',
    target: post(),
    politicalStandard: 'met',
    retirementDate: '2045-01-31',
    memberLeft: false,
    discipline: [],
    appointments: [],
    latestRating: null,
  };
  const triggers = (f: Partial<EntryFacts>, date = '2026-06-01') =>
    removalTriggersOf({ ...base, ...f }, date, rules, true).map((t) => t.trigger);

  it('proposes nothing for someone who still qualifies', () => {
    expect(triggers({})).toEqual([]);
  });
  it('proposes removal for each trigger', () => {
    expect(triggers({ retirementDate: '2030-12-31' })).toEqual(['age']);
    expect(triggers({ discipline: [{ form: 'Cảnh cáo', fromDate: '2025-01-01' }] })).toEqual([
      'discipline',
    ]);
    expect(triggers({ politicalStandard: 'not_met' })).toEqual(['political']);
    expect(triggers({ latestRating: { rating: 'incomplete', periodLabel: 'Năm 2025' } })).toEqual([
      'rating',
    ]);
    expect(triggers({ memberLeft: true })).toEqual(['left']);
    expect(
      triggers({
        appointments: [{ postTitleId: 1, unitId: 10, startDate: '2026-03-01', endDate: null }],
      }),
    ).toEqual(['appointed']);
  });
  it('a pending political conclusion or a good rating is no trigger', () => {
    expect(
      triggers({
        politicalStandard: 'pending',
        latestRating: { rating: 'good', periodLabel: 'Năm 2025' },
      }),
    ).toEqual([]);
  });
  it('a discipline past its block is no trigger', () => {
    expect(triggers({ discipline: [{ form: 'Khiển trách', fromDate: '2024-01-01' }] })).toEqual([]);
  });
});
