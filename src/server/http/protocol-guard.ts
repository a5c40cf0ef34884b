import { protocolHeader } from '../../shared/sync/protocol';
import { oldestSupportedProtocol } from '../server-version';
import { ServerError } from './server-error';

/**
 * Every /api call says which protocol the app speaks. An app older than the server understands
 * (or one too old to say) is told to update (426), before anything else is looked at.
 */
export function checkProtocol(header: string | string[] | undefined): void {
  if (header === undefined) throw new ServerError('UPDATE_REQUIRED', 'protocol version missing');
  if (typeof header !== 'string' || !/^\d{1,6}$/.test(header))
    throw new ServerError('VALIDATION', `${protocolHeader}: invalid`);
  if (Number(header) < oldestSupportedProtocol)
    throw new ServerError('UPDATE_REQUIRED', 'this app is too old for the server: update it');
}
