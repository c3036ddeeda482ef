import { customType } from 'drizzle-orm/pg-core';

/**
 * Text compared byte by byte. Unit paths and name sort keys must sort and prefix-match the
 * same way on PGlite (no ICU locales) and on a server whose default collation is a locale.
 */
export const textC = customType<{ data: string; driverData: string }>({
  dataType() {
    return 'text COLLATE "C"';
  },
});
