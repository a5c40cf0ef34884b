import { hashSync, verifySync, type Algorithm, type Options } from '@node-rs/argon2';
import { AppError } from '../../shared/errors';
import { isWeakPassword } from '../../shared/password-policy';

// Algorithm is an ambient const enum; 2 is its Argon2id member.
const argon2id = 2 as Algorithm;

// OWASP's argon2id baseline: 19 MiB, 2 passes, 1 lane.
const options: Options = { algorithm: argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): string {
  return hashSync(password, options);
}

export function verifyPassword(hash: string, password: string): boolean {
  try {
    return verifySync(hash, password);
  } catch {
    return false;
  }
}

/** Verified when the username is unknown, so a wrong name takes as long as a wrong password. */
export const decoyHash = hashPassword('decoy password that matches nothing');

/** The shared password rule, as core's error: every place that sets a password calls this. */
export function assertStrongPassword(password: string, username: string): void {
  if (isWeakPassword(password, username)) {
    throw new AppError('WEAK_PASSWORD', 'password too easy to guess', { password: 'weak' });
  }
}
