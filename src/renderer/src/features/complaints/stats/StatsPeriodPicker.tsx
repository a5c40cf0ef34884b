import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../app/LanguageProvider';
import { formatDay } from '../../../format/dates';
import {
  matchingPreset,
  periodPresets,
  periodProblems,
  presetPeriod,
  type StatsPeriod,
} from './stats-period';

/** The period the figures cover: two dates by receipt, or a quick choice ending today. */
export function StatsPeriodPicker({
  value,
  onChange,
  today,
}: {
  value: StatsPeriod;
  onChange: (next: StatsPeriod) => void;
  /** The commune's date. */
  today: string;
}) {
  const { t } = useTranslation('complaintStats');
  const { language } = useLanguage();
  const problems = periodProblems(value);
  // The native date field writes the day in the browser's order (often mm/dd/yyyy): spell it out.
  const hint = (field: 'from' | 'to') => {
    const problem = problems[field];
    return problem ? t(`validation:${problem}`) : formatDay(value[field], language);
  };
  const dateField = (field: 'from' | 'to') => (
    <TextField
      size="small"
      type="date"
      label={t(`period.${field}`)}
      value={value[field]}
      onChange={(event) => onChange({ ...value, [field]: event.target.value })}
      error={problems[field] !== undefined}
      helperText={hint(field)}
      slotProps={{
        inputLabel: { shrink: true },
        htmlInput: {
          'data-testid': `stats-${field}`,
          ...(field === 'from' ? { max: value.to || undefined } : { min: value.from || undefined }),
        },
      }}
      sx={{ width: 200 }}
    />
  );
  return (
    <Paper variant="outlined" sx={{ p: 2, mb: 2 }} role="search" aria-label={t('period.title')}>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, alignItems: 'flex-start' }}>
        {dateField('from')}
        {dateField('to')}
        <ToggleButtonGroup
          exclusive
          size="small"
          color="primary"
          value={matchingPreset(value, today)}
          onChange={(_event, preset: (typeof periodPresets)[number] | null) => {
            if (preset) onChange(presetPeriod(preset, today));
          }}
          aria-label={t('period.title')}
          sx={{ mt: 0.25 }}
        >
          {periodPresets.map((preset) => (
            <ToggleButton key={preset} value={preset} data-testid={`stats-preset-${preset}`}>
              {t(`period.presets.${preset}`)}
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
      </Box>
    </Paper>
  );
}
