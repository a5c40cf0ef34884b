import TextField, { type TextFieldProps } from '@mui/material/TextField';
import { useTranslation } from 'react-i18next';
import { fieldError } from './field-error';

type ApiTextFieldProps = Omit<TextFieldProps, 'name' | 'error' | 'helperText'> & {
  /** The input's name, which is also the field's key in the procedure's input. */
  name: string;
  /** The failed call, if any: its problem with this field is shown under it, translated. */
  apiError: unknown;
  /** Shown under the field while the call has nothing to say about it. */
  hint?: string | undefined;
};

/** A text field that shows what core said about it (VALIDATION fields), else its hint. */
export function ApiTextField({ name, apiError, hint, ...props }: ApiTextFieldProps) {
  const { t } = useTranslation();
  const problem = fieldError(apiError, name, t);
  return (
    <TextField name={name} error={problem !== undefined} helperText={problem ?? hint} {...props} />
  );
}
