import { shipRules } from '../../modules/rules/rules.ship.ts';
import { shipDocumentTypes } from '../../modules/dossiers/dossiers.catalog.ts';
import { shipPostTitles } from '../../modules/posts/posts.ship.ts';
import type { Database } from './client.ts';

/**
 * Reference data shipped with CanBo (national rule entries, post titles, document types),
 * added after migrations when missing and never overwritten, so local edits stand.
 */
export async function shipReferenceData(database: Database): Promise<void> {
  await shipRules(database.db);
  await shipPostTitles(database.db);
  await shipDocumentTypes(database.db);
}
