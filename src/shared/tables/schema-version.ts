/**
 * The schema version of this release: the number of the app's migrations (core/db/migrations).
 * The server reads it to know which changes it understands: a change written by a newer app waits
 * aside until the server is updated (DESIGN.md, Sync). Core checks its migration list against it,
 * so adding a migration without bumping this number fails the tests.
 */
export const appSchemaVersion = 10;
