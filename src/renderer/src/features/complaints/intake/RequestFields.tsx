import WarningIcon from '@mui/icons-material/Warning';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormHelperText from '@mui/material/FormHelperText';
import FormLabel from '@mui/material/FormLabel';
import MenuItem from '@mui/material/MenuItem';
import Switch from '@mui/material/Switch';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import { useTranslation } from 'react-i18next';
import {
  complaintChannels,
  complaintKinds,
  type ComplaintChannel,
} from '../../../../../shared/complaints/complaint-values';
import { useLanguage } from '../../../app/LanguageProvider';
import { ApiTextField } from '../../../components/ApiTextField';
import { fieldError } from '../../../components/field-error';
import { formatDay } from '../../../format/dates';
import type { IntakeFieldsProps } from './intake-fields';

/** Which of the three legal kinds, how it came in, when, and whether it cannot wait. */
export function RequestFields({
  form,
  onChange,
  error,
  today,
}: IntakeFieldsProps & { today: string }) {
  const { t } = useTranslation('complaints');
  const { language } = useLanguage();
  const kindProblem = fieldError(error, 'kind', t);
  const validDay = /^\d{4}-\d{2}-\d{2}$/.test(form.receivedOn);
  return (
    <>
      <FormControl error={kindProblem !== undefined} sx={{ mt: 1, mb: 1, display: 'flex' }}>
        <FormLabel id="intake-kind-label" sx={{ mb: 1 }}>
          {t('intake.fields.kind')}
        </FormLabel>
        <ToggleButtonGroup
          exclusive
          color="primary"
          value={form.kind}
          onChange={(_event, kind: IntakeFieldsProps['form']['kind'] | null) => {
            if (kind) onChange('kind', kind);
          }}
          aria-labelledby="intake-kind-label"
          data-testid="intake-kind"
        >
          {complaintKinds.map((kind) => (
            <ToggleButton
              key={kind}
              value={kind}
              sx={{ px: 3 }}
              data-testid={`intake-kind-${kind}`}
            >
              {t(`kinds.${kind}`)}
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
        <FormHelperText sx={{ mx: 0 }}>{kindProblem ?? t('intake.fields.kindHint')}</FormHelperText>
      </FormControl>
      <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { sm: '1fr 1fr' } }}>
        <ApiTextField
          select
          label={t('intake.fields.channel')}
          name="channel"
          required
          value={form.channel}
          onChange={(event) => onChange('channel', event.target.value as ComplaintChannel)}
          apiError={error}
          data-testid="intake-channel"
        >
          {complaintChannels.map((channel) => (
            <MenuItem key={channel} value={channel}>
              {t(`channels.${channel}`)}
            </MenuItem>
          ))}
        </ApiTextField>
        <ApiTextField
          type="date"
          label={t('intake.fields.receivedOn')}
          name="receivedOn"
          required
          value={form.receivedOn}
          onChange={(event) => onChange('receivedOn', event.target.value)}
          apiError={error}
          // The native field writes the day in the browser's order: spell it out below.
          hint={validDay ? formatDay(form.receivedOn, language, 'EEEE d MMMM yyyy') : undefined}
          slotProps={{ htmlInput: { max: today }, inputLabel: { shrink: true } }}
          data-testid="intake-received-on"
        />
      </Box>
      <FormControlLabel
        sx={{ mt: 1 }}
        control={
          <Switch
            name="urgent"
            color="error"
            checked={form.urgent}
            onChange={(event) => onChange('urgent', event.target.checked)}
            data-testid="intake-urgent"
          />
        }
        label={t('intake.fields.urgent')}
      />
      <Alert
        severity={form.urgent ? 'error' : 'info'}
        icon={form.urgent ? <WarningIcon /> : undefined}
        variant={form.urgent ? 'filled' : 'outlined'}
        sx={{ mt: 1 }}
        data-testid="intake-urgent-hint"
      >
        {t(form.urgent ? 'intake.urgentOn' : 'intake.urgentHint')}
      </Alert>
    </>
  );
}
