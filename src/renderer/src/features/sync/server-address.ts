/**
 * The server address as typed, made whole: a bare host name gets https://, which is what IT
 * puts in front of the server (README); stray spaces and trailing slashes go.
 */
export function serverAddressOf(typed: string): string {
  const address = typed.trim().replace(/\/+$/, '');
  if (address === '' || /^[a-z][a-z0-9+.-]*:\/\//i.test(address)) return address;
  return `https://${address}`;
}
