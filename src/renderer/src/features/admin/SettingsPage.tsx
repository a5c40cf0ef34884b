import Typography from '@mui/material/Typography';

export function SettingsPage() {
  return <Typography variant="h1">Settings</Typography>;
}
