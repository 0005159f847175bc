import { type Algorithm, hash, verify } from '@node-rs/argon2';

// OWASP's argon2id baseline: 19 MiB, 2 iterations, 1 lane.
// Algorithm.Argon2id is 2 (a const enum, not importable under isolatedModules).
const OPTIONS = { algorithm: 2 as Algorithm, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

// Verified against when the user does not exist, so a wrong email costs the same time.
const DUMMY_HASH = hash('abitare-dummy-password', OPTIONS);

export async function verifyPassword(storedHash: string | null, password: string): Promise<boolean> {
  try {
    return await verify(storedHash ?? (await DUMMY_HASH), password);
  } catch {
    return false;
  }
}

/** The password policy: at least 12 characters, at most 200, and not containing the email. */
export function isStrongPassword(password: string, email: string): boolean {
  const local = email.split('@')[0]?.toLowerCase() ?? '';
  return password.length >= 12 && password.length <= 200 && (local.length < 3 || !password.toLowerCase().includes(local));
}
