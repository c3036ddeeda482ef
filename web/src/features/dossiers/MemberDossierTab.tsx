import type { MemberDto } from '../../lib/contracts.ts';

export function MemberDossierTab({ member }: { member: MemberDto }) {
  return <div data-member={member.id} />;
}
