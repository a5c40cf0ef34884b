import { useTranslation } from 'react-i18next';
import type { DepartmentRow } from '../../../../../shared/api/procedures/admin.procedures';
import type { CaseDetail } from '../../../../../shared/api/procedures/cases.procedures';
import type {
  AssigneeRow,
  CategoryRow,
} from '../../../../../shared/api/procedures/complaints.procedures';
import { useApiMutation } from '../../../api/hooks';
import type { NoticeMessage } from '../../../components/notice-text';
import { AssignDialog } from '../shared/AssignDialog';
import { RouteDialog } from '../shared/RouteDialog';
import { DateActionDialog } from './DateActionDialog';
import { MergeDialog } from './MergeDialog';
import { TextActionDialog } from './TextActionDialog';
import { TriageDialog } from './TriageDialog';

export type CaseDialogKind =
  'route' | 'assign' | 'triage' | 'merge' | 'close' | 'reopen' | 'acknowledge' | 'called';

interface CaseDialogsProps {
  open: CaseDialogKind | null;
  detail: CaseDetail;
  categories: readonly CategoryRow[];
  departments: readonly DepartmentRow[];
  /** Whom this user may hand the case to: no one else is offered. */
  mayAssignTo: (assignee: AssigneeRow) => boolean;
  onClose: () => void;
  /** The action went through: the dialog closes and the page says so. */
  onDone: (message: NoticeMessage) => void;
}

/** The dialog of the case-level action being taken, if any. */
export function CaseDialogs({
  open,
  detail,
  onClose: closeDialog,
  onDone,
  ...lists
}: CaseDialogsProps) {
  const { t } = useTranslation('cases');
  const close = useApiMutation('cases:close');
  const reopen = useApiMutation('cases:reopen');
  const acknowledge = useApiMutation('cases:acknowledge');
  const markCalled = useApiMutation('cases:markCalled');
  // A refusal shown last time must not greet the next opening.
  const onClose = () => {
    for (const mutation of [close, reopen, acknowledge, markCalled]) mutation.reset();
    closeDialog();
  };
  const done = (key: string) => () => onDone({ key });
  switch (open) {
    case null:
      return null;
    case 'route':
      return (
        <RouteDialog
          ids={[detail.id]}
          title={t('route.title')}
          initialDepartmentId={detail.departmentId ?? ''}
          departments={lists.departments}
          onClose={onClose}
          onDone={done('cases:route.done')}
        />
      );
    case 'assign':
      return (
        <AssignDialog
          ids={[detail.id]}
          title={t('assign.title')}
          initialDepartmentId={detail.departmentId ?? ''}
          departments={lists.departments}
          eligible={lists.mayAssignTo}
          onClose={onClose}
          onDone={done('cases:assign.done')}
        />
      );
    case 'triage':
      return (
        <TriageDialog
          detail={detail}
          categories={lists.categories}
          onClose={onClose}
          onDone={done('cases:triage.done')}
        />
      );
    case 'merge':
      return (
        <MergeDialog
          detail={detail}
          onClose={onClose}
          onDone={(count) => onDone({ key: 'cases:merge.done', values: { count } })}
        />
      );
    case 'close':
      return (
        <TextActionDialog
          title={t('close.title')}
          label={t('close.resolution')}
          name="resolution"
          hint={t('close.hint')}
          submitLabel={t('close.submit')}
          pending={close.isPending}
          error={close.error}
          onSubmit={(resolution) =>
            close.mutate({ id: detail.id, resolution }, { onSuccess: done('cases:close.done') })
          }
          onClose={onClose}
          testId="close-dialog"
        />
      );
    case 'reopen':
      return (
        <TextActionDialog
          title={t('reopen.title')}
          label={t('reopen.reason')}
          name="reason"
          submitLabel={t('reopen.submit')}
          pending={reopen.isPending}
          error={reopen.error}
          onSubmit={(reason) =>
            reopen.mutate({ id: detail.id, reason }, { onSuccess: done('cases:reopen.done') })
          }
          onClose={onClose}
          testId="reopen-dialog"
        />
      );
    case 'acknowledge':
      return (
        <DateActionDialog
          title={t('clocks.acknowledgeTitle')}
          label={t('clocks.acknowledgedOnLabel')}
          hint={t('clocks.acknowledgeHint')}
          submitLabel={t('clocks.acknowledge')}
          earliest={detail.receivedOn}
          pending={acknowledge.isPending}
          error={acknowledge.error}
          onSubmit={(on) =>
            acknowledge.mutate(
              { id: detail.id, on },
              { onSuccess: done('cases:clocks.acknowledged') },
            )
          }
          onClose={onClose}
          testId="acknowledge-dialog"
        />
      );
    case 'called':
      return (
        <TextActionDialog
          title={t('call.title', { name: detail.citizenName })}
          label={t('call.note')}
          name="note"
          hint={t('call.noteHint')}
          optional
          submitLabel={t('call.markCalled')}
          pending={markCalled.isPending}
          error={markCalled.error}
          onSubmit={(note) =>
            markCalled.mutate(note.trim() ? { id: detail.id, note } : { id: detail.id }, {
              onSuccess: done('cases:call.done'),
            })
          }
          onClose={onClose}
          testId="called-dialog"
        />
      );
  }
}
