import Grid from '@mui/material/Grid';
import Stack from '@mui/material/Stack';
import { useMemo, useState } from 'react';
import type { CaseDetail } from '../../../../../shared/api/procedures/cases.procedures';
import type { SessionUser } from '../../../../../shared/api/procedures/session.procedures';
import { useLanguage } from '../../../app/LanguageProvider';
import { mayCall } from '../../../../../shared/api/may-call';
import { useRouteParam } from '../../../app/routes';
import { ApiCallError } from '../../../api/api-error';
import { useApiQuery } from '../../../api/hooks';
import { CenteredProgress } from '../../../components/CenteredProgress';
import { ErrorAlert } from '../../../components/ErrorAlert';
import type { NoticeMessage } from '../../../components/notice-text';
import { SuccessNotice } from '../../../components/SuccessNotice';
import { departmentName } from '../../admin/department-name';
import { categoryName } from '../shared/category-name';
import { useSessionUser } from '../shared/useSessionUser';
import { AttachmentsCard } from './AttachmentsCard';
import { CallTodayBanner } from './CallTodayBanner';
import { CaseActions } from './CaseActions';
import { CaseDialogs, type CaseDialogKind } from './CaseDialogs';
import { CaseFactsCard } from './CaseFactsCard';
import { CaseHeader } from './CaseHeader';
import { casePermissions, mayAssignTo } from './case-permissions';
import { CaseTimeline } from './CaseTimeline';
import { CitizenCard } from './CitizenCard';
import { LegalClocks } from './LegalClocks';
import { MergedNotice } from './MergedNotice';
import { RecipientsCard } from './RecipientsCard';
import { ReplyPanel } from './ReplyPanel';

/** One case (#/complaints/case/<id>): its facts, clocks, answer and history, and what to do next. */
export function CasePage() {
  const id = useRouteParam();
  const user = useSessionUser();
  if (!id) return <ErrorAlert error={new ApiCallError({ code: 'NOT_FOUND', message: '' })} />;
  if (!user) return <CenteredProgress />;
  // Keyed by id: another case (a merge link) starts with fresh dialogs and notices.
  return <CaseView key={id} id={id} user={user} />;
}

function CaseView({ id, user }: { id: string; user: SessionUser }) {
  const detail = useApiQuery('cases:get', { id });
  if (detail.isPending) return <CenteredProgress />;
  if (detail.isError)
    return <ErrorAlert error={detail.error} onRetry={() => void detail.refetch()} />;
  return <CaseLayout detail={detail.data} user={user} />;
}

function CaseLayout({ detail, user }: { detail: CaseDetail; user: SessionUser }) {
  const { language } = useLanguage();
  const categories = useApiQuery('categories:list', { includeInactive: true });
  const departments = useApiQuery('departments:list', {});
  const assignees = useApiQuery(
    'complaints:assignees',
    {},
    {
      enabled: mayCall('complaints:assignees', user.roles),
    },
  );
  const [dialog, setDialog] = useState<CaseDialogKind | null>(null);
  const [notice, setNotice] = useState<NoticeMessage | null>(null);
  const permissions = casePermissions(user, detail);
  const categoryNames = useMemo(
    () => new Map((categories.data ?? []).map((c) => [c.id, categoryName(c, language)])),
    [categories.data, language],
  );
  const departmentNames = useMemo(
    () => new Map((departments.data ?? []).map((d) => [d.id, departmentName(d, language)])),
    [departments.data, language],
  );
  const assigneeNames = useMemo(
    () => new Map((assignees.data ?? []).map((a) => [a.id, a.displayName])),
    [assignees.data],
  );
  const done = (message: NoticeMessage) => {
    setDialog(null);
    setNotice(message);
  };
  const lookups = { categoryNames, departmentNames, assigneeNames };
  const mergedCitizens = detail.citizens.length > 1;

  return (
    <>
      <CaseHeader detail={detail} />
      {detail.mergedInto && <MergedNotice mergedInto={detail.mergedInto} />}
      {detail.callToday && (
        <CallTodayBanner
          detail={detail}
          onMarkCalled={permissions.markCalled ? () => setDialog('called') : null}
        />
      )}
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, md: 8 }}>
          <Stack spacing={2}>
            <CaseFactsCard
              detail={detail}
              categoryName={categoryNames.get(detail.categoryId)}
              departmentName={
                detail.departmentId ? departmentNames.get(detail.departmentId) : undefined
              }
            />
            {detail.status !== 'merged' && (
              <ReplyPanel detail={detail} permissions={permissions} onDone={done} />
            )}
            <CaseTimeline
              detail={detail}
              lookups={lookups}
              mayAddNote={permissions.addNote}
              onNoteAdded={() => setNotice({ key: 'cases:notes.added' })}
            />
          </Stack>
        </Grid>
        <Grid size={{ xs: 12, md: 4 }}>
          <Stack spacing={2}>
            <LegalClocks
              detail={detail}
              onAcknowledge={permissions.acknowledge ? () => setDialog('acknowledge') : null}
            />
            <CaseActions permissions={permissions} onOpen={setDialog} />
            <CitizenCard detail={detail} />
            {mergedCitizens && <RecipientsCard caseId={detail.id} citizens={detail.citizens} />}
            <AttachmentsCard
              detail={detail}
              mayAdd={permissions.addAttachment}
              onAdded={(fileName) =>
                setNotice({ key: 'cases:attachments.added', values: { name: fileName } })
              }
            />
          </Stack>
        </Grid>
      </Grid>
      <CaseDialogs
        open={dialog}
        detail={detail}
        categories={categories.data ?? []}
        departments={departments.data ?? []}
        mayAssignTo={mayAssignTo(user, detail)}
        onClose={() => setDialog(null)}
        onDone={done}
      />
      <SuccessNotice message={notice} onClose={() => setNotice(null)} />
    </>
  );
}
