import type { ModuleAccess } from '../../testing/access-types.ts';

export const congressAccess: ModuleAccess = {
  samples: {},
};
