import Box from '@mui/material/Box';
import { useTranslation } from 'react-i18next';
import { ApiTextField } from '../../../components/ApiTextField';
import type { IntakeFieldsProps } from './intake-fields';

type CitizenField =
  'citizenName' | 'citizenPhone' | 'citizenEmail' | 'citizenAddress' | 'citizenCin';

/** Who wrote or came in: the name is required, the rest as the citizen gives it. */
export function CitizenFields({ form, onChange, error }: IntakeFieldsProps) {
  const { t } = useTranslation('complaints');
  const text = (field: CitizenField) => ({
    name: field,
    value: form[field],
    onChange: (event: { target: { value: string } }) => onChange(field, event.target.value),
    apiError: error,
    label: t(`intake.fields.${field}`),
    slotProps: { htmlInput: { 'data-testid': `intake-${field}` } },
  });
  // Numbers, e-mail addresses and CIN read left to right in both languages.
  const ltr = (field: CitizenField, inputMode: 'tel' | 'email' | 'text') => ({
    ...text(field),
    slotProps: {
      htmlInput: { dir: 'ltr', inputMode, spellCheck: false, 'data-testid': `intake-${field}` },
    },
  });
  return (
    <Box sx={{ display: 'grid', columnGap: 2, gridTemplateColumns: { sm: '1fr 1fr' } }}>
      <ApiTextField {...text('citizenName')} required sx={{ gridColumn: { sm: 'span 2' } }} />
      <ApiTextField
        {...ltr('citizenPhone', 'tel')}
        type="tel"
        hint={t('intake.fields.citizenPhoneHint')}
      />
      <ApiTextField {...ltr('citizenEmail', 'email')} type="email" />
      <ApiTextField {...text('citizenAddress')} sx={{ gridColumn: { sm: 'span 2' } }} />
      <ApiTextField
        {...ltr('citizenCin', 'text')}
        autoComplete="off"
        hint={t('intake.fields.citizenCinHint')}
      />
    </Box>
  );
}
