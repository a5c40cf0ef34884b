import { latestProtocolVersion } from '../shared/sync/protocol';

/** The sync protocol this server speaks; clients older than this are asked to update. */
export const serverProtocolVersion: number = latestProtocolVersion;

/** The oldest app protocol this server still understands; older apps get 426 UPDATE_REQUIRED. */
export const oldestSupportedProtocol: number = serverProtocolVersion;
