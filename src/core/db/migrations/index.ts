import type { Db } from '../connection';
import { up as createPlatform } from './0001-create-platform';
import { up as createComplaints } from './0002-create-complaints';
import { up as createSync } from './0003-create-sync';
import { up as createFileTransfers } from './0004-create-file-transfers';
import { up as createCredentialOutbox } from './0005-create-credential-outbox';
import { up as createHolidays } from './0006-create-holidays';
import { up as createInfoRequests } from './0007-create-info-requests';
import { up as createArticles } from './0008-create-articles';
import { up as addPulledCells } from './0009-add-pulled-cells';
import { up as addPullBackfill } from './0010-add-pull-backfill';

export interface Migration {
  /** `NNNN-verb-noun`; the number is the schema version it leads to. */
  readonly id: string;
  readonly up: (db: Db) => void;
}

/** In order; never edit a migration that has shipped, add the next one. */
export const migrations: readonly Migration[] = [
  { id: '0001-create-platform', up: createPlatform },
  { id: '0002-create-complaints', up: createComplaints },
  { id: '0003-create-sync', up: createSync },
  { id: '0004-create-file-transfers', up: createFileTransfers },
  { id: '0005-create-credential-outbox', up: createCredentialOutbox },
  { id: '0006-create-holidays', up: createHolidays },
  { id: '0007-create-info-requests', up: createInfoRequests },
  { id: '0008-create-articles', up: createArticles },
  { id: '0009-add-pulled-cells', up: addPulledCells },
  { id: '0010-add-pull-backfill', up: addPullBackfill },
];

export const latestSchemaVersion = migrations.length;
