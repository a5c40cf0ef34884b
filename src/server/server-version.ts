import { latestProtocolVersion } from '../shared/sync/protocol';

/** The sync protocol this server speaks; clients older than this are asked to update. */
export const serverProtocolVersion: number = latestProtocolVersion;
