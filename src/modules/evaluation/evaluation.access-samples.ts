import type { ModuleAccess } from '../../testing/access-types.ts';

export const evaluationAccess: ModuleAccess = {
  samples: {},
};
