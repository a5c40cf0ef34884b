import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useApiQuery } from '../../api/hooks';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { JoinBaseline } from './join-outcome';
import { joinErrorText, joinFieldError } from './join-errors';
import { percentOf } from './last-sync';
import { serverAddressOf } from './server-address';
import { useJoinServer } from './useJoinServer';

interface JoinServerFormProps {
  submitLabel: string;
  /** Where sync stands before joining (never joined: local only), to tell if the join took. */
  baseline: JoinBaseline;
  initialServerUrl?: string;
  initialUsername?: string;
  onJoined?: () => void;
  /** The screens before the app have one wide button, as their other forms. */
  wide?: boolean;
  autoFocus?: boolean;
}

/**
 * Joins this PC to the commune's server (address and the user's server account), then shows the
 * sign-in and the first pull as core pushes them, until the run says whether it joined.
 */
export function JoinServerForm({
  submitLabel,
  baseline,
  initialServerUrl = '',
  initialUsername = '',
  onJoined,
  wide = false,
  autoFocus = false,
}: JoinServerFormProps) {
  const { t } = useTranslation('sync');
  const join = useJoinServer(baseline, onJoined);
  // Core says why the last join failed (wrong password, server out of reach...).
  const status = useApiQuery('sync:status', {});
  const [serverUrl, setServerUrl] = useState(initialServerUrl);
  const [username, setUsername] = useState(initialUsername);
  const [password, setPassword] = useState('');
  const waiting = join.phase === 'waiting';

  const submit = (formEvent: FormEvent) => {
    formEvent.preventDefault();
    const address = serverAddressOf(serverUrl);
    setServerUrl(address);
    // The password is not kept on the screen once sent, whatever the answer.
    join.submit({ serverUrl: address, username, password }, () => setPassword(''));
  };
  const focused = !autoFocus
    ? null
    : initialServerUrl === ''
      ? 'serverUrl'
      : initialUsername === ''
        ? 'username'
        : 'password';
  const event = join.latest;
  const receiving = event?.state === 'syncing' && event.progress !== null;
  const progress = receiving ? event.progress : null;
  const field = (name: 'serverUrl' | 'username' | 'password') => {
    const problem = joinFieldError(t, join.error, name);
    return { name, error: problem !== undefined, helperText: problem, disabled: waiting };
  };

  return (
    <Box component="form" onSubmit={submit} noValidate data-testid="join-server-form">
      {join.phase === 'idle' && join.error && (
        <Alert severity="error" role="alert" sx={{ my: 2 }} data-testid="join-server-error">
          {joinErrorText(t, join.error)}
        </Alert>
      )}
      {join.phase === 'failed' && (
        <Alert severity="error" role="alert" sx={{ my: 2 }} data-testid="join-server-error">
          {t([`join.failures.${status.data?.joinFailure ?? 'unknown'}`, 'join.errors.notJoined'])}
        </Alert>
      )}
      <TextField
        {...field('serverUrl')}
        label={t('join.serverUrl')}
        helperText={field('serverUrl').helperText ?? t('join.serverUrlHint')}
        type="url"
        autoComplete="url"
        autoFocus={focused === 'serverUrl'}
        required
        value={serverUrl}
        onChange={(e) => setServerUrl(e.target.value)}
        onBlur={() => setServerUrl(serverAddressOf(serverUrl))}
        slotProps={{
          htmlInput: { dir: 'ltr', 'data-testid': 'join-server-url', spellCheck: false },
        }}
      />
      <TextField
        {...field('username')}
        label={t('join.username')}
        autoComplete="username"
        autoFocus={focused === 'username'}
        required
        value={username}
        onChange={(e) => setUsername(e.target.value)}
        slotProps={{ htmlInput: { dir: 'ltr', 'data-testid': 'join-server-username' } }}
      />
      <TextField
        {...field('password')}
        label={t('join.password')}
        type="password"
        autoComplete="current-password"
        autoFocus={focused === 'password'}
        required
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        slotProps={{ htmlInput: { 'data-testid': 'join-server-password' } }}
      />
      {waiting && (
        <Box sx={{ mt: 2 }} data-testid="join-server-progress" role="status">
          <Typography variant="body2">
            {progress === null
              ? t('join.contacting')
              : t('join.receivingPercent', { percent: percentOf(progress) })}
          </Typography>
          <LinearProgress
            sx={{ my: 1 }}
            variant={progress === null ? 'indeterminate' : 'determinate'}
            value={progress === null ? 0 : percentOf(progress)}
          />
          {receiving && (
            <Typography variant="caption" color="text.secondary">
              {t('join.receivingHint')}
            </Typography>
          )}
        </Box>
      )}
      <Button
        type="submit"
        variant="contained"
        size={wide ? 'large' : 'medium'}
        fullWidth={wide}
        sx={{ mt: 2 }}
        loading={waiting}
        data-testid="join-server-submit"
      >
        {submitLabel}
      </Button>
    </Box>
  );
}
