/**
 * Reply templates carry placeholders in double braces, the same names in Arabic and French
 * templates: {{citizen_name}}, {{number}}, {{received_on}}, {{subject}}, {{today}}.
 */
export const templatePlaceholders = [
  'citizen_name',
  'number',
  'received_on',
  'subject',
  'today',
] as const;
export type TemplatePlaceholder = (typeof templatePlaceholders)[number];

/** Fills the known placeholders; an unknown one stays as typed, so a typo shows in the draft. */
export function fillTemplate(body: string, values: Record<TemplatePlaceholder, string>): string {
  return body.replace(/\{\{\s*([a-z_]+)\s*\}\}/g, (whole, name: string) =>
    Object.hasOwn(values, name) ? values[name as TemplatePlaceholder] : whole,
  );
}
