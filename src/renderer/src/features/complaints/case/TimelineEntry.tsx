import Avatar from '@mui/material/Avatar';
import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { CaseDetail, CaseEvent } from '../../../../../shared/api/procedures/cases.procedures';
import { useLanguage } from '../../../app/LanguageProvider';
import { navigate } from '../../../app/routes';
import { formatDateTime } from '../../../format/dates';
import { describeDetail, linkedCase, type DetailLookups } from './timeline-detail';
import { eventIcons, strandOf, type TimelineStrand } from './timeline-kinds';

const strandColors: Record<TimelineStrand, { avatar: string; box: string; border: string }> = {
  case: { avatar: 'grey.600', box: 'transparent', border: 'transparent' },
  note: { avatar: 'warning.dark', box: '#fff8e1', border: 'warning.light' },
  reply: { avatar: 'info.dark', box: '#e3f2fd', border: 'info.light' },
};

/** One line of the case's history: what, who, when, and its note or facts. */
export function TimelineEntry({
  event,
  detail,
  lookups,
}: {
  event: CaseEvent;
  detail: CaseDetail;
  lookups: DetailLookups;
}) {
  const { t } = useTranslation('cases');
  const { language } = useLanguage();
  const strand = strandOf(event.type);
  const colors = strandColors[strand];
  const facts = describeDetail(event, detail, lookups, t, language);
  const other = linkedCase(event, detail);
  return (
    <Box
      component="li"
      data-testid="timeline-event"
      data-type={event.type}
      sx={{ display: 'flex', gap: 1.5, py: 1, position: 'relative' }}
    >
      <Avatar sx={{ bgcolor: colors.avatar, width: 32, height: 32, zIndex: 1 }}>
        {eventIcons[event.type]}
      </Avatar>
      <Box sx={{ flex: '1 1 0', minWidth: 0 }}>
        <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', alignItems: 'baseline' }}>
          <Typography sx={{ fontWeight: 600 }}>{t(`events.${event.type}`)}</Typography>
          {other && (
            <Link
              component="button"
              type="button"
              onClick={() => navigate('complaints/case', other.id)}
              data-testid="timeline-case-link"
            >
              <bdi dir="ltr">{other.number}</bdi>
            </Link>
          )}
        </Box>
        <Typography variant="body2" color="text.secondary">
          <bdi>{event.userName ?? t('timeline.system')}</bdi> · {formatDateTime(event.at, language)}
        </Typography>
        {facts.length > 0 && (
          <Typography variant="body2" sx={{ mt: 0.25 }}>
            {facts.join(' · ')}
          </Typography>
        )}
        {event.body && (
          <Typography
            component="blockquote"
            dir="auto"
            sx={{
              m: 0,
              mt: 0.75,
              px: 1.5,
              py: 1,
              bgcolor: colors.box === 'transparent' ? 'grey.100' : colors.box,
              borderInlineStart: 3,
              borderColor: colors.border === 'transparent' ? 'grey.400' : colors.border,
              borderRadius: 1,
              whiteSpace: 'pre-wrap',
              overflowWrap: 'anywhere',
            }}
            data-testid="timeline-body"
          >
            {event.body}
          </Typography>
        )}
      </Box>
    </Box>
  );
}
