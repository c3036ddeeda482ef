import type { ModuleAccess } from '../../testing/access-types.ts';

export const electionsAccess: ModuleAccess = {
  samples: {},
};
