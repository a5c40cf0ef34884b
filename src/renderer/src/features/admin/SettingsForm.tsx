import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import TextField from '@mui/material/TextField';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../../shared/api/procedures/system.procedures';
import { useApiMutation } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { fieldError } from '../../components/field-error';

/** This PC's settings; numbers stay text while typed, and core validates the ranges. */
export function SettingsForm({ settings, onSaved }: { settings: Settings; onSaved: () => void }) {
  const { t } = useTranslation('admin');
  const update = useApiMutation('settings:update');
  const [form, setForm] = useState({
    lockAfterMinutes: String(settings.lockAfterMinutes),
    backupsToKeep: String(settings.backupsToKeep),
    updateFeedUrl: settings.updateFeedUrl,
  });
  const set = (field: keyof typeof form) => (event: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [field]: event.target.value }));
  const problem = (field: string) => fieldError(update.error, field, t);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate(
      {
        lockAfterMinutes: Number(form.lockAfterMinutes),
        backupsToKeep: Number(form.backupsToKeep),
        updateFeedUrl: form.updateFeedUrl.trim(),
      },
      { onSuccess: onSaved },
    );
  };
  return (
    <Box component="form" onSubmit={submit} noValidate sx={{ maxWidth: 720 }}>
      {update.isError && <ErrorAlert error={update.error} />}
      <TextField
        label={t('settings.lockAfterMinutes')}
        name="lockAfterMinutes"
        type="number"
        required
        value={form.lockAfterMinutes}
        onChange={set('lockAfterMinutes')}
        error={!!problem('lockAfterMinutes')}
        helperText={problem('lockAfterMinutes') ?? t('settings.lockAfterMinutesHint')}
        slotProps={{ htmlInput: { min: 1, max: 240, step: 1 } }}
      />
      <TextField
        label={t('settings.backupsToKeep')}
        name="backupsToKeep"
        type="number"
        required
        value={form.backupsToKeep}
        onChange={set('backupsToKeep')}
        error={!!problem('backupsToKeep')}
        helperText={problem('backupsToKeep') ?? t('settings.backupsToKeepHint')}
        slotProps={{ htmlInput: { min: 1, max: 60, step: 1 } }}
      />
      <TextField
        label={t('settings.updateFeedUrl')}
        name="updateFeedUrl"
        type="url"
        value={form.updateFeedUrl}
        onChange={set('updateFeedUrl')}
        error={!!problem('updateFeedUrl')}
        helperText={problem('updateFeedUrl') ?? t('settings.updateFeedUrlHint')}
        slotProps={{ htmlInput: { dir: 'ltr', spellCheck: false } }}
      />
      <Button
        type="submit"
        variant="contained"
        loading={update.isPending}
        sx={{ mt: 2 }}
        data-testid="settings-save"
      >
        {t('common:actions.save')}
      </Button>
    </Box>
  );
}
