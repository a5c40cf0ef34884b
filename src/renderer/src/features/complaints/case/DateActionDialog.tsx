import { useState } from 'react';
import { communeToday } from '../../../../../shared/complaints/legal-clock';
import { ApiTextField } from '../../../components/ApiTextField';
import { FormDialog } from '../../../components/FormDialog';

/** An action done on a given day (a receipt acknowledged): today by default, never in the future. */
export function DateActionDialog({
  title,
  label,
  hint,
  submitLabel,
  earliest,
  pending,
  error,
  onSubmit,
  onClose,
  testId,
}: {
  title: string;
  label: string;
  hint?: string;
  submitLabel: string;
  /** The case's receipt: nothing is done to it before it arrived. */
  earliest: string;
  pending: boolean;
  error: unknown;
  onSubmit: (on: string) => void;
  onClose: () => void;
  testId: string;
}) {
  const today = communeToday(new Date());
  const [on, setOn] = useState(today);
  return (
    <FormDialog
      open
      title={title}
      onClose={onClose}
      onSubmit={() => onSubmit(on)}
      submitLabel={submitLabel}
      pending={pending}
      error={error}
      testId={testId}
    >
      <ApiTextField
        type="date"
        label={label}
        name="on"
        required
        value={on}
        onChange={(event) => setOn(event.target.value)}
        apiError={error}
        hint={hint}
        slotProps={{
          inputLabel: { shrink: true },
          htmlInput: { min: earliest, max: today, 'data-testid': `${testId}-date` },
        }}
      />
    </FormDialog>
  );
}
