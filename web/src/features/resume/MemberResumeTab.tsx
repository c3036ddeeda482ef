import type { MemberDto } from '../../lib/contracts.ts';

export function MemberResumeTab({ member }: { member: MemberDto }) {
  return <div data-member={member.id} />;
}
