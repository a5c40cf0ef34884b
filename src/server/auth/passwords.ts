import { hash, verify, type Algorithm, type Options } from '@node-rs/argon2';

// Algorithm is an ambient const enum; 2 is its Argon2id member.
const argon2id = 2 as Algorithm;

/** OWASP's argon2id baseline (19 MiB, 2 passes, 1 lane), the same as the app's local verifier. */
const options: Options = { algorithm: argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

/** Hashed on libuv's pool, so a sign-in does not stall the other requests. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

export async function verifyPassword(hashed: string, password: string): Promise<boolean> {
  try {
    return await verify(hashed, password);
  } catch {
    return false;
  }
}

let decoy: Promise<string> | null = null;

/** Verified when the username is unknown, so a wrong name takes as long as a wrong password. */
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword('decoy password that matches nothing');
  return decoy;
}
