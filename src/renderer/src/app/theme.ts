import { createTheme, type Theme } from '@mui/material/styles';

/** One theme for both directions: only `direction` differs (DESIGN.md, Look and feel). */
export function createAppTheme(direction: 'rtl' | 'ltr'): Theme {
  return createTheme({
    direction,
    palette: {
      // The green of the commune's site and the red of the national colours, used sparingly.
      primary: { main: '#0b6e4f', contrastText: '#ffffff' },
      secondary: { main: '#b3261e' },
      background: { default: '#f5f6f4', paper: '#ffffff' },
    },
    shape: { borderRadius: 8 },
    typography: {
      fontFamily: '"Cairo", "Noto Sans Arabic", "Segoe UI", Tahoma, sans-serif',
      h1: { fontSize: '1.75rem', fontWeight: 700 },
      h2: { fontSize: '1.4rem', fontWeight: 700 },
      h3: { fontSize: '1.15rem', fontWeight: 600 },
      button: { textTransform: 'none', fontWeight: 600 },
    },
    components: {
      MuiButton: { defaultProps: { disableElevation: true } },
      MuiTextField: { defaultProps: { fullWidth: true, margin: 'normal' } },
    },
  });
}
