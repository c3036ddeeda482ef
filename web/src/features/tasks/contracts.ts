// The tasks module's shared contracts, as the web sees them (re-exported, never copied).
export * from '../../../../src/contracts/tasks.ts';
