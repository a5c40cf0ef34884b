import AddCommentIcon from '@mui/icons-material/AddComment';
import LocalShippingIcon from '@mui/icons-material/LocalShipping';
import PrintIcon from '@mui/icons-material/Print';
import UndoIcon from '@mui/icons-material/Undo';
import VerifiedIcon from '@mui/icons-material/Verified';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail, CaseReply } from '../../../../../shared/api/procedures/cases.procedures';
import { communeToday } from '../../../../../shared/complaints/legal-clock';
import { navigate } from '../../../app/routes';
import { useApiMutation, useApiQuery } from '../../../api/hooks';
import type { NoticeMessage } from '../../../components/notice-text';
import { editableReply, type CasePermissions } from './case-permissions';
import { DeliverDialog } from './DeliverDialog';
import { ReplyCard } from './ReplyCard';
import { ReplyEditor } from './ReplyEditor';
import { TextActionDialog } from './TextActionDialog';

type ReplyDialog =
  | { kind: 'approve'; reply: CaseReply }
  | { kind: 'return'; reply: CaseReply }
  | { kind: 'deliver'; reply: CaseReply };

/**
 * The answer to the citizen, apart from the internal notes: drafted, approved by a head, then
 * printed as a letter or given by phone or email.
 */
export function ReplyPanel({
  detail,
  permissions,
  onDone,
}: {
  detail: CaseDetail;
  permissions: CasePermissions;
  onDone: (message: NoticeMessage) => void;
}) {
  const { t } = useTranslation('cases');
  const templates = useApiQuery(
    'replyTemplates:list',
    {},
    { enabled: permissions.draftReply || permissions.editReply },
  );
  const review = useApiMutation('cases:reviewReply');
  const [dialog, setDialog] = useState<ReplyDialog | null>(null);
  const [composing, setComposing] = useState(false);
  const editable = permissions.editReply ? editableReply(detail.replies) : null;
  const others = detail.replies.filter((reply) => reply !== editable);
  // A first answer opens ready to write; a further one (after a reopening) waits to be asked for.
  const showNew = permissions.draftReply && (composing || detail.replies.length === 0);
  const closeDialog = () => {
    review.reset();
    setDialog(null);
  };
  const finish = (message: NoticeMessage) => {
    setComposing(false);
    closeDialog();
    onDone(message);
  };

  const actionsOf = (reply: CaseReply) => (
    <>
      {reply.status === 'submitted' && permissions.review && (
        <>
          <Button
            color="warning"
            startIcon={<UndoIcon />}
            onClick={() => setDialog({ kind: 'return', reply })}
            data-testid="return-reply"
          >
            {t('review.return')}
          </Button>
          <Button
            variant="contained"
            startIcon={<VerifiedIcon />}
            onClick={() => setDialog({ kind: 'approve', reply })}
            data-testid="approve-reply"
          >
            {t('review.approve')}
          </Button>
        </>
      )}
      {(reply.status === 'approved' || reply.status === 'delivered') && (
        <Button
          variant={reply.status === 'approved' ? 'outlined' : 'text'}
          startIcon={<PrintIcon />}
          onClick={() => navigate('complaints/letter', detail.id)}
          data-testid="print-letter"
        >
          {t('reply.printLetter')}
        </Button>
      )}
      {reply.status === 'approved' && permissions.deliver && (
        <Button
          variant="contained"
          startIcon={<LocalShippingIcon />}
          onClick={() => setDialog({ kind: 'deliver', reply })}
          data-testid="deliver-reply"
        >
          {t('deliver.open')}
        </Button>
      )}
    </>
  );

  return (
    <Card variant="outlined" sx={{ borderColor: 'info.light' }} data-testid="reply-panel">
      <CardContent>
        <Typography variant="h3" component="h2" gutterBottom>
          {t('reply.title')}
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          {t('reply.intro')}
        </Typography>
        {others.map((reply) => (
          <ReplyCard key={reply.id} reply={reply} actions={actionsOf(reply)} />
        ))}
        {editable ? (
          <ReplyEditor
            key={editable.id}
            detail={detail}
            reply={editable}
            templates={templates.data ?? []}
            onDone={finish}
            onCancel={null}
          />
        ) : showNew ? (
          <ReplyEditor
            detail={detail}
            reply={null}
            templates={templates.data ?? []}
            onDone={finish}
            onCancel={detail.replies.length > 0 ? () => setComposing(false) : null}
          />
        ) : (
          permissions.draftReply && (
            <Button
              variant="outlined"
              startIcon={<AddCommentIcon />}
              onClick={() => setComposing(true)}
              data-testid="new-reply"
            >
              {t('reply.new')}
            </Button>
          )
        )}
        {detail.replies.length === 0 && !permissions.draftReply && (
          <Typography color="text.secondary">{t('reply.none')}</Typography>
        )}
      </CardContent>
      {dialog?.kind === 'deliver' && (
        <DeliverDialog
          reply={dialog.reply}
          earliest={
            dialog.reply.reviewedAt
              ? communeToday(new Date(dialog.reply.reviewedAt))
              : detail.receivedOn
          }
          onClose={closeDialog}
          onDone={() => finish({ key: 'cases:deliver.done' })}
        />
      )}
      {(dialog?.kind === 'approve' || dialog?.kind === 'return') && (
        <TextActionDialog
          title={t(dialog.kind === 'approve' ? 'review.approveTitle' : 'review.returnTitle')}
          label={t('review.comment')}
          name="comment"
          hint={t(dialog.kind === 'approve' ? 'review.approveHint' : 'review.returnHint')}
          optional={dialog.kind === 'approve'}
          submitLabel={t(dialog.kind === 'approve' ? 'review.approve' : 'review.return')}
          pending={review.isPending}
          error={review.error}
          onSubmit={(comment) =>
            review.mutate(
              {
                replyId: dialog.reply.id,
                decision: dialog.kind,
                // Returning needs a reason (an empty one is refused); approving may go without.
                ...(dialog.kind === 'return' || comment.trim() ? { comment } : {}),
              },
              {
                onSuccess: () =>
                  finish({
                    key:
                      dialog.kind === 'approve' ? 'cases:review.approved' : 'cases:review.returned',
                  }),
              },
            )
          }
          onClose={closeDialog}
          testId={`${dialog.kind}-dialog`}
        />
      )}
    </Card>
  );
}
