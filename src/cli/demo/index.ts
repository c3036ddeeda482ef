/** Deterministic demo data: organisation tree and party members (pure, no database). */
export * from './rng.ts';
export * from './names.ts';
export * from './units.ts';
export * from './members.ts';
