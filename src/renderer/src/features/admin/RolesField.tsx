import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import FormControl from '@mui/material/FormControl';
import FormHelperText from '@mui/material/FormHelperText';
import InputLabel from '@mui/material/InputLabel';
import MenuItem from '@mui/material/MenuItem';
import OutlinedInput from '@mui/material/OutlinedInput';
import Select from '@mui/material/Select';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { roles, type Role } from '../../../../shared/roles';

/** The roles a user holds (several allowed), shown as translated chips. */
export function RolesField({
  value,
  onChange,
  error,
}: {
  value: readonly Role[];
  onChange: (roles: Role[]) => void;
  error: string | undefined;
}) {
  const { t } = useTranslation('admin');
  const id = useId();
  const label = t('users.fields.roles');
  return (
    <FormControl fullWidth margin="normal" required error={!!error}>
      <InputLabel id={`${id}-label`}>{label}</InputLabel>
      <Select<Role[]>
        labelId={`${id}-label`}
        id={id}
        multiple
        value={[...value]}
        onChange={(event) => {
          const next = event.target.value;
          // Keep the contract's order whatever the order of clicks.
          const chosen = new Set(typeof next === 'string' ? [] : next);
          onChange(roles.filter((role) => chosen.has(role)));
        }}
        input={<OutlinedInput label={label} />}
        renderValue={(selected) => (
          <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.5 }}>
            {selected.map((role) => (
              <Chip key={role} size="small" label={t(`common:roles.${role}`)} />
            ))}
          </Box>
        )}
        data-testid="user-roles"
      >
        {roles.map((role) => (
          <MenuItem key={role} value={role}>
            {t(`common:roles.${role}`)}
          </MenuItem>
        ))}
      </Select>
      <FormHelperText>{error ?? t('users.fields.rolesHint')}</FormHelperText>
    </FormControl>
  );
}
