import Typography from '@mui/material/Typography';

export function AuditPage() {
  return <Typography variant="h1">Audit</Typography>;
}
