import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseReply } from '../../../../../shared/api/procedures/cases.procedures';
import { useLanguage } from '../../../app/LanguageProvider';
import { formatDateTime, formatDay } from '../../../format/dates';
import { directionOf } from '../../../i18n/i18n';
import { StatusChip } from '../shared/StatusChip';

/** One reply to the citizen as written, with its review and how it was given. */
export function ReplyCard({ reply, actions }: { reply: CaseReply; actions: ReactNode }) {
  const { t } = useTranslation('cases');
  const { language } = useLanguage();
  return (
    <Paper
      variant="outlined"
      sx={{ p: 2, mb: 2, borderColor: 'info.light', bgcolor: '#f5fafe' }}
      data-testid="reply"
      data-status={reply.status}
    >
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap', mb: 1 }}>
        <StatusChip replyStatus={reply.status} testId="reply-status" />
        <Typography variant="body2" color="text.secondary">
          {t(`common:languages.${reply.language}`)}
          {reply.draftedByName && ` · ${t('reply.draftedBy', { name: reply.draftedByName })}`}
        </Typography>
      </Box>
      <Typography
        dir={directionOf(reply.language)}
        lang={reply.language}
        sx={{
          whiteSpace: 'pre-wrap',
          overflowWrap: 'anywhere',
          bgcolor: 'background.paper',
          p: 1.5,
          borderRadius: 1,
          textAlign: 'start',
        }}
        data-testid="reply-text"
      >
        {reply.body}
      </Typography>
      {reply.reviewedAt && (
        <Typography component="div" variant="body2" sx={{ mt: 1 }} data-testid="reply-review">
          {t(reply.status === 'returned' ? 'reply.returnedOn' : 'reply.approvedOn', {
            name: reply.reviewedByName ?? t('timeline.unknown'),
            date: formatDateTime(reply.reviewedAt, language),
          })}
          {reply.reviewComment && (
            <Box
              component="blockquote"
              dir="auto"
              sx={{
                m: 0,
                mt: 0.5,
                px: 1.5,
                py: 0.5,
                borderInlineStart: 3,
                borderColor: 'divider',
                whiteSpace: 'pre-wrap',
              }}
            >
              {reply.reviewComment}
            </Box>
          )}
        </Typography>
      )}
      {reply.delivery && reply.deliveredOn && (
        <Typography variant="body2" sx={{ mt: 1, fontWeight: 600 }} data-testid="reply-delivery">
          {t('reply.deliveredOn', {
            method: t(`complaints:deliveryMethods.${reply.delivery}`),
            date: formatDay(reply.deliveredOn, language),
          })}
        </Typography>
      )}
      {actions && (
        <Box
          sx={{ display: 'flex', gap: 1, mt: 1.5, flexWrap: 'wrap', justifyContent: 'flex-end' }}
        >
          {actions}
        </Box>
      )}
    </Paper>
  );
}
