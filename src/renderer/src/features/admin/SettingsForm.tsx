import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../../shared/api/procedures/system.procedures';
import { useApiMutation } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ApiTextField } from '../../components/ApiTextField';

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
      <ApiTextField
        label={t('settings.lockAfterMinutes')}
        name="lockAfterMinutes"
        type="number"
        required
        value={form.lockAfterMinutes}
        onChange={set('lockAfterMinutes')}
        apiError={update.error}
        hint={t('settings.lockAfterMinutesHint')}
        slotProps={{ htmlInput: { min: 1, max: 240, step: 1 } }}
      />
      <ApiTextField
        label={t('settings.backupsToKeep')}
        name="backupsToKeep"
        type="number"
        required
        value={form.backupsToKeep}
        onChange={set('backupsToKeep')}
        apiError={update.error}
        hint={t('settings.backupsToKeepHint')}
        slotProps={{ htmlInput: { min: 1, max: 60, step: 1 } }}
      />
      <ApiTextField
        label={t('settings.updateFeedUrl')}
        name="updateFeedUrl"
        type="url"
        value={form.updateFeedUrl}
        onChange={set('updateFeedUrl')}
        apiError={update.error}
        hint={t('settings.updateFeedUrlHint')}
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
