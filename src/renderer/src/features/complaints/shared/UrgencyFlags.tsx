import PhoneInTalkIcon from '@mui/icons-material/PhoneInTalk';
import Box from '@mui/material/Box';
import { useTranslation } from 'react-i18next';
import { UrgentChip } from './UrgentChip';

/**
 * An urgent case (danger to people or property) and, while nobody has phoned the citizen yet,
 * the flag that someone must call today: a letter is too slow for an open manhole.
 */
export function UrgencyFlags({ urgent, callToday }: { urgent: boolean; callToday: boolean }) {
  const { t } = useTranslation('complaints');
  if (!urgent)
    return (
      <Box component="span" sx={{ color: 'text.secondary' }}>
        {t('urgency.normal')}
      </Box>
    );
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: 0.5 }}>
      <UrgentChip />
      {callToday && (
        <Box
          sx={{
            display: 'flex',
            alignItems: 'center',
            gap: 0.5,
            color: 'error.main',
            fontWeight: 700,
            fontSize: '0.75rem',
            lineHeight: 1.3,
          }}
          data-testid="call-today"
        >
          <PhoneInTalkIcon sx={{ fontSize: 16 }} />
          {t('callToday')}
        </Box>
      )}
    </Box>
  );
}
