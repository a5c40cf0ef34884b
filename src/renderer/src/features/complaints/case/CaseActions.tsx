import AltRouteIcon from '@mui/icons-material/AltRoute';
import AssignmentIndIcon from '@mui/icons-material/AssignmentInd';
import CallMergeIcon from '@mui/icons-material/CallMerge';
import LockIcon from '@mui/icons-material/Lock';
import LockOpenIcon from '@mui/icons-material/LockOpen';
import TuneIcon from '@mui/icons-material/Tune';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CasePermissions } from './case-permissions';
import type { CaseDialogKind } from './CaseDialogs';

interface ActionButton {
  kind: CaseDialogKind;
  allowed: boolean;
  icon: ReactNode;
  testId: string;
}

/** The case-level actions this user may take here; core checks each again. */
export function CaseActions({
  permissions,
  onOpen,
}: {
  permissions: CasePermissions;
  onOpen: (kind: CaseDialogKind) => void;
}) {
  const { t } = useTranslation('cases');
  const buttons: ActionButton[] = [
    { kind: 'route', allowed: permissions.route, icon: <AltRouteIcon />, testId: 'route-case' },
    {
      kind: 'assign',
      allowed: permissions.assign,
      icon: <AssignmentIndIcon />,
      testId: 'assign-case',
    },
    { kind: 'triage', allowed: permissions.triage, icon: <TuneIcon />, testId: 'triage-case' },
    { kind: 'merge', allowed: permissions.merge, icon: <CallMergeIcon />, testId: 'merge-cases' },
    { kind: 'close', allowed: permissions.close, icon: <LockIcon />, testId: 'close-case' },
    { kind: 'reopen', allowed: permissions.reopen, icon: <LockOpenIcon />, testId: 'reopen-case' },
  ];
  const shown = buttons.filter((button) => button.allowed);
  if (shown.length === 0) return null;
  return (
    <Card variant="outlined" data-testid="case-actions">
      <CardContent>
        <Typography variant="h3" component="h2" gutterBottom>
          {t('actions.title')}
        </Typography>
        <Stack spacing={1}>
          {shown.map((button) => (
            <Button
              key={button.kind}
              variant="outlined"
              startIcon={button.icon}
              onClick={() => onOpen(button.kind)}
              data-testid={button.testId}
              sx={{ justifyContent: 'flex-start' }}
              color={button.kind === 'close' ? 'secondary' : 'primary'}
            >
              {t(`actions.${button.kind}`)}
            </Button>
          ))}
        </Stack>
      </CardContent>
    </Card>
  );
}
