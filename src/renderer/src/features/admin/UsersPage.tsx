import Typography from '@mui/material/Typography';

export function UsersPage() {
  return <Typography variant="h1">Users</Typography>;
}
