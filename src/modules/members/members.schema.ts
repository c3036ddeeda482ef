import { boolean, date, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { textC } from '../../core/db/types.ts';
import { units } from '../units/units.schema.ts';

/** Đảng viên / cán bộ: the identity part of the 2C résumé plus party data and education. */
export const members = pgTable(
  'members',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    /** Copy of the unit's path, so scoped lists filter members without a join. */
    unitPath: textC('unit_path').notNull(),
    fullName: text('full_name').notNull(),
    otherNames: text('other_names'),
    gender: text('gender').notNull(),
    birthDate: date('birth_date', { mode: 'string' }).notNull(),
    birthplace: text('birthplace'),
    hometownCommune: text('hometown_commune'),
    hometownProvince: text('hometown_province'),
    residence: text('residence'),
    ethnicity: text('ethnicity').notNull().default('Kinh'),
    religion: text('religion').notNull().default('Không'),
    idNumber: text('id_number'),
    joinDate: date('join_date', { mode: 'string' }),
    officialDate: date('official_date', { mode: 'string' }),
    cardNumber: text('card_number'),
    status: text('status').notNull(),
    tempAttendancePlace: text('temp_attendance_place'),
    tempAttendanceFrom: date('temp_attendance_from', { mode: 'string' }),
    tempAttendanceTo: date('temp_attendance_to', { mode: 'string' }),
    exempted: boolean('exempted').notNull().default(false),
    exemptionFrom: date('exemption_from', { mode: 'string' }),
    exemptionReason: text('exemption_reason'),
    generalEducation: text('general_education'),
    professionalLevel: text('professional_level').notNull().default('none'),
    professionalField: text('professional_field'),
    politicalTheory: text('political_theory').notNull().default('none'),
    stateManagement: text('state_management').notNull().default('none'),
    /** Unaccented, lower-case full and other names, for diacritic-insensitive search. */
    searchText: text('search_text').notNull(),
    /** Vietnamese order: given name first, then family and middle names. */
    sortKey: textC('sort_key').notNull(),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('members_sort_idx').on(t.sortKey, t.id),
    index('members_unit_path_sort_idx').on(t.unitPath, t.sortKey),
    index('members_unit_idx').on(t.unitId),
    index('members_search_trgm_idx').using('gin', t.searchText.op('gin_trgm_ops')),
    index('members_birth_date_idx').on(t.birthDate),
    index('members_join_date_idx').on(t.joinDate),
    index('members_official_date_idx').on(t.officialDate),
    index('members_status_sort_idx').on(t.status, t.sortKey),
    index('members_gender_sort_idx').on(t.gender, t.sortKey),
    index('members_ethnicity_idx').on(t.ethnicity),
    index('members_religion_idx').on(t.religion),
    index('members_hometown_province_idx').on(t.hometownProvince),
    index('members_professional_idx').on(t.professionalLevel),
    index('members_political_idx').on(t.politicalTheory),
    index('members_state_mgmt_idx').on(t.stateManagement),
    index('members_general_edu_idx').on(t.generalEducation),
    index('members_id_number_idx').on(t.idNumber),
    index('members_card_number_idx').on(t.cardNumber),
  ],
);

/** Quá trình sinh hoạt đảng: which unit a member belonged to, when, and why it changed. */
export const memberUnitHistory = pgTable(
  'member_unit_history',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    fromDate: date('from_date', { mode: 'string' }).notNull(),
    toDate: date('to_date', { mode: 'string' }),
    /** joined | transfer | merge | split | created */
    reason: text('reason').notNull(),
    note: text('note'),
  },
  (t) => [index('member_unit_history_member_idx').on(t.memberId, t.fromDate)],
);
