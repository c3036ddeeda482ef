import type { ModuleAccess } from '../../testing/access-types.ts';

export const tasksAccess: ModuleAccess = {
  samples: {},
};
