export * from '../../modules/units/units.schema.ts';
export * from '../../modules/members/members.schema.ts';
export * from '../../modules/accounts/accounts.schema.ts';
export * from '../auth/sessions.schema.ts';
export * from '../audit/audit.schema.ts';
export * from './settings.schema.ts';
