import type { ModuleAccess } from '../../testing/access-types.ts';

/** Requests the access walk aims at subtree A for this module's routes (see access.test.ts). */
export const importsAccess: ModuleAccess = {
  samples: {},
};
