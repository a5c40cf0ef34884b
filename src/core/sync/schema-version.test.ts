import { describe, expect, it } from 'vitest';
import { appSchemaVersion } from '../../shared/tables/schema-version';
import { latestSchemaVersion } from '../db/migrations';

describe('the schema version sync speaks', () => {
  it('is the number of this app’s migrations, so the server and other PCs read its changes', () => {
    // Changes carry it (protocol.ts); a server or PC that knows fewer migrations parks them.
    expect(appSchemaVersion).toBe(latestSchemaVersion);
  });
});
