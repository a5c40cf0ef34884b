import { useState } from 'react';
import { ApiTextField } from '../../../components/ApiTextField';
import { FormDialog } from '../../../components/FormDialog';

interface TextActionDialogProps {
  title: string;
  /** What the text is, and its key in the procedure's input (for core's field errors). */
  label: string;
  name: string;
  hint?: string;
  submitLabel: string;
  /** Empty text is sent as "none" when the text is optional. */
  optional?: boolean;
  pending: boolean;
  error: unknown;
  onSubmit: (text: string) => void;
  onClose: () => void;
  testId: string;
}

/** An action that takes one running text: a resolution, a reason, a reviewer's comment. */
export function TextActionDialog({
  title,
  label,
  name,
  hint,
  submitLabel,
  optional = false,
  pending,
  error,
  onSubmit,
  onClose,
  testId,
}: TextActionDialogProps) {
  const [text, setText] = useState('');
  return (
    <FormDialog
      open
      title={title}
      onClose={onClose}
      onSubmit={() => onSubmit(text)}
      submitLabel={submitLabel}
      pending={pending}
      error={error}
      testId={testId}
    >
      <ApiTextField
        label={label}
        name={name}
        autoFocus
        required={!optional}
        multiline
        minRows={3}
        value={text}
        onChange={(event) => setText(event.target.value)}
        apiError={error}
        hint={hint}
        slotProps={{ htmlInput: { 'data-testid': `${testId}-text` } }}
      />
    </FormDialog>
  );
}
