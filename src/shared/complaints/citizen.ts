import { z } from 'zod';
import { normalizeDigits } from '../text/normalize';

/**
 * A citizen's contact details as a clerk types them. Digits typed in Eastern Arabic (٠٦١٢...) or
 * with spaces, dots and dashes are normalized, never refused: 06 12 34 56 78, ٠٦١٢٣٤٥٦٧٨ and
 * +212 612-345678 are the same number.
 */
export function normalizePhone(raw: string): string {
  const compact = normalizeDigits(raw).replace(/[\s.\-()\u200e\u200f]/g, '');
  if (compact.startsWith('00212')) return `0${compact.slice(5)}`;
  if (compact.startsWith('+212')) return `0${compact.slice(4)}`;
  return compact;
}

/** A Moroccan number (fixed 05, mobile 06/07, 08 services) or an international one. */
const phonePattern = /^(0[5-8]\d{8}|\+\d{8,15})$/;

export const phoneSchema = z
  .string()
  .max(40)
  .transform(normalizePhone)
  .pipe(z.string().regex(phonePattern));

/** CIN: one or two letters then digits (AB123456); a residence permit number has the same shape. */
export const cinSchema = z
  .string()
  .max(20)
  .transform((raw) => normalizeDigits(raw).replace(/\s/g, '').toUpperCase())
  .pipe(z.string().regex(/^[A-Z]{1,2}\d{3,8}$/));

/** What a role that may not read the CIN sees: that there is one, not which (law 09-08). */
export function maskCin(cin: string): string {
  return `${cin.slice(0, 1)}${'•'.repeat(Math.max(cin.length - 3, 3))}${cin.slice(-2)}`;
}

export const emailSchema = z.string().trim().toLowerCase().max(200).pipe(z.email());
