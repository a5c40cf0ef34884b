import type { IntakeForm } from './intake-draft';

/** What each part of the intake form receives: the form, a setter, and the failed check or call. */
export interface IntakeFieldsProps {
  form: IntakeForm;
  onChange: <K extends keyof IntakeForm>(field: K, value: IntakeForm[K]) => void;
  error: unknown;
}
