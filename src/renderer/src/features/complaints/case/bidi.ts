/**
 * Wraps Latin text (a case number, a phone, an email) in a left-to-right isolate, so an Arabic
 * sentence that quotes it does not reorder its dashes and slashes.
 */
export function ltr(text: string): string {
  return `\u2066${text}\u2069`;
}
