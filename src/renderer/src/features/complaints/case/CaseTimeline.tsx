import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../../../shared/api/procedures/cases.procedures';
import { NoteComposer } from './NoteComposer';
import type { DetailLookups } from './timeline-detail';
import { strandOf, type TimelineStrand } from './timeline-kinds';
import { TimelineEntry } from './TimelineEntry';

type Filter = 'all' | TimelineStrand;

/** The case's history, newest first; internal notes stand apart from the answer's steps. */
export function CaseTimeline({
  detail,
  lookups,
  mayAddNote,
  onNoteAdded,
}: {
  detail: CaseDetail;
  lookups: DetailLookups;
  mayAddNote: boolean;
  onNoteAdded: () => void;
}) {
  const { t } = useTranslation('cases');
  const [filter, setFilter] = useState<Filter>('all');
  // Reversed before the stable sort, so events of the same instant also read newest first.
  const shown = [...detail.events]
    .reverse()
    .sort((a, b) => b.at.localeCompare(a.at))
    .filter((event) => filter === 'all' || strandOf(event.type) === filter);
  return (
    <Card variant="outlined">
      <CardContent>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, mb: 1, flexWrap: 'wrap' }}>
          <Typography variant="h3" component="h2" sx={{ flexGrow: 1 }}>
            {t('timeline.title')}
          </Typography>
          <ToggleButtonGroup
            size="small"
            exclusive
            value={filter}
            onChange={(_event, value: Filter | null) => value && setFilter(value)}
            aria-label={t('timeline.filter')}
          >
            {(['all', 'note', 'reply', 'case'] as const).map((value) => (
              <ToggleButton key={value} value={value} data-testid={`timeline-filter-${value}`}>
                {t(`timeline.filters.${value}`)}
              </ToggleButton>
            ))}
          </ToggleButtonGroup>
        </Box>
        {mayAddNote && <NoteComposer caseId={detail.id} onAdded={onNoteAdded} />}
        <Box
          component="ol"
          data-testid="timeline"
          sx={{
            listStyle: 'none',
            m: 0,
            p: 0,
            position: 'relative',
            // The thread joining the icons.
            '&::before': {
              content: '""',
              position: 'absolute',
              insetInlineStart: 15,
              top: 8,
              bottom: 8,
              borderInlineStart: '2px solid',
              borderColor: 'divider',
            },
          }}
        >
          {shown.map((event) => (
            <TimelineEntry key={event.id} event={event} detail={detail} lookups={lookups} />
          ))}
        </Box>
        {shown.length === 0 && (
          <Typography color="text.secondary" variant="body2">
            {t('timeline.empty')}
          </Typography>
        )}
      </CardContent>
    </Card>
  );
}
