import { z } from 'zod';
import {
  genders,
  generalEducationLevels,
  memberStatuses,
  politicalTheoryLevels,
  professionalLevels,
  stateManagementLevels,
  type Gender,
  type MemberStatus,
} from '../../contracts/enums.ts';
import {
  memberUnitHistoryDto,
  type MemberDto,
  type MemberListItem,
  type memberDto,
} from '../../contracts/members.ts';
import { ethnicities, provinces, religions } from '../../contracts/reference-lists.ts';
import type { MemberRow } from './members.repo.ts';

/**
 * The response twin of the contract's `memberDto`. The contract builds on the input schema
 * `memberFields`, whose `.transform`s cannot run backwards, and fastify-type-provider-zod 7
 * serialises with `z.safeEncode`, which refuses them. This schema names the same fields with
 * their output types; the type check below keeps the two in step.
 */
export const memberResponse = z.object({
  id: z.number(),
  fullName: z.string(),
  otherNames: z.string().nullable(),
  gender: z.enum(genders),
  birthDate: z.string(),
  birthplace: z.string().nullable(),
  hometownCommune: z.string().nullable(),
  hometownProvince: z.enum(provinces).nullable(),
  residence: z.string().nullable(),
  ethnicity: z.enum(ethnicities),
  religion: z.enum(religions),
  idNumber: z.string().nullable(),
  joinDate: z.string().nullable(),
  officialDate: z.string().nullable(),
  cardNumber: z.string().nullable(),
  status: z.enum(memberStatuses),
  tempAttendancePlace: z.string().nullable(),
  tempAttendanceFrom: z.string().nullable(),
  tempAttendanceTo: z.string().nullable(),
  exempted: z.boolean(),
  exemptionFrom: z.string().nullable(),
  exemptionReason: z.string().nullable(),
  generalEducation: z.enum(generalEducationLevels).nullable(),
  professionalLevel: z.enum(professionalLevels),
  professionalField: z.string().nullable(),
  politicalTheory: z.enum(politicalTheoryLevels),
  stateManagement: z.enum(stateManagementLevels),
  unitId: z.number(),
  unitName: z.string(),
  archivedAt: z.string().nullable(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
  unitHistory: z.array(memberUnitHistoryDto),
});

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const inStep: Same<z.output<typeof memberResponse>, z.output<typeof memberDto>> = true;
void inStep;

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
