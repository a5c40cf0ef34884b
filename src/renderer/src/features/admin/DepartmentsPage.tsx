import Typography from '@mui/material/Typography';

export function DepartmentsPage() {
  return <Typography variant="h1">Departments</Typography>;
}
