import BlockIcon from '@mui/icons-material/Block';
import EditIcon from '@mui/icons-material/Edit';
import KeyIcon from '@mui/icons-material/Key';
import PersonAddIcon from '@mui/icons-material/PersonAdd';
import RestoreIcon from '@mui/icons-material/Restore';
import SearchIcon from '@mui/icons-material/Search';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import FormControlLabel from '@mui/material/FormControlLabel';
import InputAdornment from '@mui/material/InputAdornment';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import { GridActionsCell, GridActionsCellItem, type GridColDef } from '@mui/x-data-grid';
import { keepPreviousData } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserRow } from '../../../../shared/api/procedures/admin.procedures';
import { useLanguage } from '../../app/LanguageProvider';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { PagedDataGrid } from '../../components/PagedDataGrid';
import type { NoticeMessage } from '../../components/notice-text';
import { SuccessNotice } from '../../components/SuccessNotice';
import { useDebouncedValue } from '../../components/useDebouncedValue';
import { usePagination } from '../../components/usePagination';
import { CreateUserDialog } from './CreateUserDialog';
import { departmentName } from './department-name';
import { EditUserDialog } from './EditUserDialog';
import { ResetPasswordDialog } from './ResetPasswordDialog';

type UserDialog =
  | { kind: 'none' }
  | { kind: 'create' }
  | { kind: 'edit'; user: UserRow }
  | { kind: 'reset-password'; user: UserRow }
  | { kind: 'set-active'; user: UserRow };

/** The commune's staff accounts: paged and searched in core, created, edited, deactivated. */
export function UsersPage() {
  const { t } = useTranslation('admin');
  const { language } = useLanguage();
  const [search, setSearch] = useState('');
  const settledSearch = useDebouncedValue(search.trim());
  const [includeInactive, setIncludeInactive] = useState(false);
  const [paging, setPaging] = usePagination(JSON.stringify([settledSearch, includeInactive]));
  const users = useApiQuery(
    'users:list',
    {
      page: paging.page,
      pageSize: paging.pageSize,
      includeInactive,
      ...(settledSearch ? { search: settledSearch } : {}),
    },
    { placeholderData: keepPreviousData },
  );
  const departments = useApiQuery('departments:list', {});
  const session = useApiQuery('session:status', {});
  const currentUserId = session.data?.user?.id;
  const setActive = useApiMutation('users:setActive');
  const [dialog, setDialog] = useState<UserDialog>({ kind: 'none' });
  const [notice, setNotice] = useState<NoticeMessage | null>(null);

  const closeDialog = () => {
    setDialog({ kind: 'none' });
    setActive.reset();
  };
  const done = (message: NoticeMessage) => {
    closeDialog();
    setNotice(message);
  };

  const columns = useMemo<GridColDef<UserRow>[]>(() => {
    const departmentNames = new Map(
      (departments.data ?? []).map((d) => [d.id, departmentName(d, language)]),
    );
    return [
      {
        field: 'displayName',
        headerName: t('users.columns.displayName'),
        flex: 1.2,
        minWidth: 180,
        renderCell: ({ row }) => (
          <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
            {row.displayName}
            {row.id === currentUserId && (
              <Chip size="small" variant="outlined" color="primary" label={t('users.you')} />
            )}
          </Box>
        ),
      },
      {
        field: 'username',
        headerName: t('users.columns.username'),
        flex: 0.8,
        minWidth: 130,
        renderCell: ({ row }) => <bdi dir="ltr">{row.username}</bdi>,
      },
      {
        field: 'roles',
        headerName: t('users.columns.roles'),
        flex: 1.6,
        minWidth: 220,
        renderCell: ({ row }) => (
          <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.5 }}>
            {row.roles.map((role) => (
              <Chip key={role} size="small" label={t(`common:roles.${role}`)} />
            ))}
          </Box>
        ),
      },
      {
        field: 'departmentId',
        headerName: t('users.columns.department'),
        flex: 1,
        minWidth: 160,
        valueGetter: (_value, row) =>
          row.departmentId ? (departmentNames.get(row.departmentId) ?? '') : '',
        renderCell: ({ value }) => (typeof value === 'string' && value) || t('common:noValue'),
      },
      {
        field: 'active',
        headerName: t('users.columns.status'),
        width: 110,
        renderCell: ({ row }) => (
          <Chip
            size="small"
            color={row.active ? 'success' : 'default'}
            variant={row.active ? 'filled' : 'outlined'}
            label={t(row.active ? 'users.status.active' : 'users.status.inactive')}
          />
        ),
      },
      {
        field: 'actions',
        headerName: t('users.columns.actions'),
        width: 150,
        renderCell: (params) => (
          <GridActionsCell {...params}>
            <GridActionsCellItem
              icon={<EditIcon />}
              label={t('users.actions.edit')}
              title={t('users.actions.edit')}
              onClick={() => setDialog({ kind: 'edit', user: params.row })}
              data-testid="user-edit"
            />
            <GridActionsCellItem
              icon={<KeyIcon />}
              label={t('users.actions.resetPassword')}
              title={t('users.actions.resetPassword')}
              onClick={() => setDialog({ kind: 'reset-password', user: params.row })}
              data-testid="user-reset-password"
            />
            {params.row.id !== currentUserId && (
              <GridActionsCellItem
                icon={params.row.active ? <BlockIcon /> : <RestoreIcon />}
                label={t(
                  params.row.active ? 'users.actions.deactivate' : 'users.actions.reactivate',
                )}
                title={t(
                  params.row.active ? 'users.actions.deactivate' : 'users.actions.reactivate',
                )}
                onClick={() => setDialog({ kind: 'set-active', user: params.row })}
                data-testid={params.row.active ? 'user-deactivate' : 'user-reactivate'}
              />
            )}
          </GridActionsCell>
        ),
      },
    ];
  }, [t, language, departments.data, currentUserId]);

  const activating = dialog.kind === 'set-active' && !dialog.user.active;
  return (
    <>
      <PageHeader
        title={t('users.title')}
        intro={t('users.intro')}
        action={
          <Button
            variant="contained"
            startIcon={<PersonAddIcon />}
            onClick={() => setDialog({ kind: 'create' })}
            data-testid="add-user"
          >
            {t('users.add')}
          </Button>
        }
      />
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 3, mb: 2, flexWrap: 'wrap' }}>
        <TextField
          label={t('users.search')}
          type="search"
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          size="small"
          margin="none"
          fullWidth={false}
          sx={{ width: 360, maxWidth: '100%' }}
          slotProps={{
            input: {
              startAdornment: (
                <InputAdornment position="start">
                  <SearchIcon fontSize="small" />
                </InputAdornment>
              ),
            },
          }}
          data-testid="user-search"
        />
        <FormControlLabel
          control={
            <Switch
              checked={includeInactive}
              onChange={(event) => setIncludeInactive(event.target.checked)}
              data-testid="include-inactive"
            />
          }
          label={t('users.includeInactive')}
        />
      </Box>
      {users.isError && <ErrorAlert error={users.error} onRetry={() => void users.refetch()} />}
      <PagedDataGrid
        rows={users.data?.rows ?? []}
        columns={columns}
        total={users.data?.total ?? 0}
        paginationModel={paging}
        onPaginationModelChange={setPaging}
        loading={users.isFetching}
        label={t('users.gridLabel')}
        testId="users-grid"
      />

      {dialog.kind === 'create' && (
        <CreateUserDialog
          departments={departments.data ?? []}
          onClose={closeDialog}
          onCreated={(name) => done({ key: 'admin:users.create.done', values: { name } })}
        />
      )}
      {dialog.kind === 'edit' && (
        <EditUserDialog
          user={dialog.user}
          departments={departments.data ?? []}
          onClose={closeDialog}
          onSaved={(name) => done({ key: 'admin:users.edit.done', values: { name } })}
        />
      )}
      {dialog.kind === 'reset-password' && (
        <ResetPasswordDialog
          user={dialog.user}
          onClose={closeDialog}
          onDone={() =>
            done({
              key: 'admin:users.resetPassword.done',
              values: { name: dialog.user.displayName },
            })
          }
        />
      )}
      {dialog.kind === 'set-active' && (
        <ConfirmDialog
          open
          title={t(activating ? 'users.reactivate.title' : 'users.deactivate.title', {
            name: dialog.user.displayName,
          })}
          body={t(activating ? 'users.reactivate.body' : 'users.deactivate.body', {
            name: dialog.user.displayName,
          })}
          confirmLabel={t(activating ? 'users.reactivate.confirm' : 'users.deactivate.confirm')}
          destructive={!activating}
          pending={setActive.isPending}
          error={setActive.error}
          onClose={closeDialog}
          onConfirm={() =>
            setActive.mutate(
              { id: dialog.user.id, active: activating },
              {
                onSuccess: (user) =>
                  done({
                    key: activating ? 'admin:users.reactivate.done' : 'admin:users.deactivate.done',
                    values: { name: user.displayName },
                  }),
              },
            )
          }
          testId="user-active-dialog"
        />
      )}
      <SuccessNotice message={notice} onClose={() => setNotice(null)} />
    </>
  );
}
