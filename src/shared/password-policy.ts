/**
 * The one password rule, applied by core wherever a password is set (first administrator, new
 * user, reset, change): long enough (the zod schema), and not easy to guess.
 */
export function isWeakPassword(password: string, username: string): boolean {
  const lower = password.toLowerCase();
  const name = username.trim().toLowerCase();
  return (
    (name.length > 0 && lower.includes(name)) ||
    /^(.)\1+$/.test(password) ||
    /^\d+$/.test(password) ||
    /^(.{1,4})\1+$/.test(lower)
  );
}
