import { describe, expect, it } from 'vitest';
import { serverAddressOf } from './server-address';

describe('serverAddressOf', () => {
  it('adds https:// to a bare host and drops spaces and trailing slashes', () => {
    expect(serverAddressOf('  maktab.ksarelkebir.ma/ ')).toBe('https://maktab.ksarelkebir.ma');
    expect(serverAddressOf('10.0.0.5:8787')).toBe('https://10.0.0.5:8787');
  });

  it('keeps a scheme that was typed, so a wrong one is refused by core, not rewritten', () => {
    expect(serverAddressOf('http://127.0.0.1:8787/')).toBe('http://127.0.0.1:8787');
    expect(serverAddressOf('ftp://files.example')).toBe('ftp://files.example');
    expect(serverAddressOf('HTTPS://Maktab.ma')).toBe('HTTPS://Maktab.ma');
  });

  it('leaves an empty field empty, for core to say it is required', () => {
    expect(serverAddressOf('   ')).toBe('');
  });
});
