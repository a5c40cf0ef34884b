import {
  intakeSchema,
  type IntakeInput,
} from '../../../../../shared/api/procedures/complaints.procedures';

/**
 * What is wrong with the form before it is sent, keyed and coded as core answers (validation.json
 * keys), so a clerk sees every problem at once without a round trip. Core checks again anyway.
 */
export function intakeProblems(input: IntakeInput, today: string): Record<string, string> {
  const problems: Record<string, string> = {};
  const result = intakeSchema.safeParse(input);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const path = issue.path.map(String).join('.') || '_';
      const given = issue.path.length === 1 ? (input as Record<string, unknown>)[path] : undefined;
      // An empty box says "required", not "too short" or "bad format".
      const code =
        typeof given === 'string' && given.trim() === ''
          ? 'required'
          : issue.code === 'custom'
            ? issue.message
            : issue.code;
      problems[path] ??= code;
    }
  }
  if (!problems.receivedOn && input.receivedOn > today) problems.receivedOn = 'in_future';
  return problems;
}
