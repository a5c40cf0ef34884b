import Button from '@mui/material/Button';
import type { FormEvent, ReactNode } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';

interface AuthFormProps {
  onSubmit: () => void;
  /** The failed call, shown translated above the fields. */
  error: unknown;
  /** Shown above the fields instead of the error, e.g. while the server is asked. */
  notice?: ReactNode;
  pending: boolean;
  submitLabel: string;
  children: ReactNode;
}

/** The form of the screens before the app: the call's error, the fields, one wide submit button. */
export function AuthForm({
  onSubmit,
  error,
  notice,
  pending,
  submitLabel,
  children,
}: AuthFormProps) {
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <form onSubmit={submit} noValidate>
      {notice ?? (error !== null && error !== undefined && <ErrorAlert error={error} />)}
      {children}
      <Button
        type="submit"
        variant="contained"
        size="large"
        fullWidth
        sx={{ mt: 2 }}
        loading={pending}
      >
        {submitLabel}
      </Button>
    </form>
  );
}
