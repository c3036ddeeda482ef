import type { ModuleAccess } from '../../testing/access-types.ts';

export const planningAccess: ModuleAccess = {
  samples: {},
};
