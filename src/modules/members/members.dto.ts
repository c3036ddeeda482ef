import type { z } from 'zod';
import type { Gender, MemberStatus } from '../../contracts/enums.ts';
import type { MemberDto, MemberListItem, memberUnitHistoryDto } from '../../contracts/members.ts';
import type { MemberRow } from './members.repo.ts';

type HistoryItem = z.output<typeof memberUnitHistoryDto>;

/** The editable fields as stored, for audit diffs and rule checks. */
export function fieldsOf(row: MemberRow) {
  return {
    fullName: row.fullName,
    otherNames: row.otherNames,
    gender: row.gender as Gender,
    birthDate: row.birthDate,
    birthplace: row.birthplace,
    hometownCommune: row.hometownCommune,
    hometownProvince: row.hometownProvince as MemberDto['hometownProvince'],
    residence: row.residence,
    ethnicity: row.ethnicity as MemberDto['ethnicity'],
    religion: row.religion as MemberDto['religion'],
    idNumber: row.idNumber,
    joinDate: row.joinDate,
    officialDate: row.officialDate,
    cardNumber: row.cardNumber,
    status: row.status as MemberStatus,
    tempAttendancePlace: row.tempAttendancePlace,
    tempAttendanceFrom: row.tempAttendanceFrom,
    tempAttendanceTo: row.tempAttendanceTo,
    exempted: row.exempted,
    exemptionFrom: row.exemptionFrom,
    exemptionReason: row.exemptionReason,
    generalEducation: row.generalEducation as MemberDto['generalEducation'],
    professionalLevel: row.professionalLevel as MemberDto['professionalLevel'],
    professionalField: row.professionalField,
    politicalTheory: row.politicalTheory as MemberDto['politicalTheory'],
    stateManagement: row.stateManagement as MemberDto['stateManagement'],
  };
}
export type StoredFields = ReturnType<typeof fieldsOf>;

export function toMemberDto(
  row: MemberRow,
  unitName: string,
  unitHistory: HistoryItem[],
): MemberDto {
  return {
    id: row.id,
    ...fieldsOf(row),
    unitId: row.unitId,
    unitName,
    archivedAt: row.archivedAt?.toISOString() ?? null,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    unitHistory,
  };
}

export function toListItem(
  r: Pick<
    MemberRow,
    | 'id'
    | 'fullName'
    | 'gender'
    | 'birthDate'
    | 'unitId'
    | 'status'
    | 'joinDate'
    | 'officialDate'
    | 'ethnicity'
    | 'professionalLevel'
    | 'politicalTheory'
    | 'archivedAt'
  > & { unitName: string },
): MemberListItem {
  return {
    id: r.id,
    fullName: r.fullName,
    gender: r.gender as Gender,
    birthDate: r.birthDate,
    unitId: r.unitId,
    unitName: r.unitName,
    status: r.status as MemberStatus,
    joinDate: r.joinDate,
    officialDate: r.officialDate,
    ethnicity: r.ethnicity,
    professionalLevel: r.professionalLevel as MemberListItem['professionalLevel'],
    politicalTheory: r.politicalTheory as MemberListItem['politicalTheory'],
    archived: r.archivedAt !== null,
  };
}
