import type { MemberDto } from '../../lib/contracts.ts';

export function MemberPostsTab({ member }: { member: MemberDto }) {
  return <div data-member={member.id} />;
}
