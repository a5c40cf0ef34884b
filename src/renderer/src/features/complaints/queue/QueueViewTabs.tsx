import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import { useTranslation } from 'react-i18next';
import {
  queueViews,
  type QueueView,
} from '../../../../../shared/api/procedures/complaints.procedures';

/** Views whose count is a warning when it is not zero. */
const alarming: readonly QueueView[] = ['urgent', 'overdue'];
const pressing: readonly QueueView[] = ['at_risk', 'awaiting_approval'];

/** The saved views (issue 3), each with how many cases it holds now. */
export function QueueViewTabs({
  value,
  onChange,
  counts,
}: {
  value: QueueView;
  onChange: (view: QueueView) => void;
  counts: Partial<Record<QueueView, number>> | undefined;
}) {
  const { t } = useTranslation('complaints');
  return (
    <Tabs
      value={value}
      onChange={(_event, view: QueueView) => onChange(view)}
      variant="scrollable"
      scrollButtons="auto"
      aria-label={t('queue.viewsLabel')}
      sx={{ mb: 2, borderBottom: 1, borderColor: 'divider' }}
    >
      {queueViews.map((view) => {
        const count = counts?.[view];
        const color =
          count && alarming.includes(view)
            ? 'error'
            : count && pressing.includes(view)
              ? 'warning'
              : 'default';
        return (
          <Tab
            key={view}
            value={view}
            data-testid={`view-${view}`}
            label={
              <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
                {t(`views.${view}`)}
                <Chip
                  size="small"
                  color={color}
                  label={count ?? '…'}
                  data-testid={`view-count-${view}`}
                  sx={{ minWidth: 32 }}
                />
              </Box>
            }
          />
        );
      })}
    </Tabs>
  );
}
