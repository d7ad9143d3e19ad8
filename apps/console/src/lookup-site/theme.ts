import { createTheme } from '@mui/material/styles';
import { zhCN } from '@mui/material/locale';

// The national lookup's blue (seed 000's screenshots) and fonts that carry Simplified Chinese on every desktop and
// phone the public uses.
export const lookupTheme = createTheme(
  {
    palette: {
      primary: { main: '#1f5fbf' },
      secondary: { main: '#0b3a6e' },
      background: { default: '#f2f6fc' },
    },
    typography: {
      fontFamily: [
        '"Microsoft YaHei"',
        '"PingFang SC"',
        '"Noto Sans CJK SC"',
        '"Source Han Sans SC"',
        '"WenQuanYi Micro Hei"',
        '"Helvetica Neue"',
        'Arial',
        'sans-serif',
      ].join(','),
    },
    components: {
      MuiButton: { defaultProps: { disableElevation: true } },
      MuiTableCell: { styleOverrides: { head: { whiteSpace: 'nowrap', fontWeight: 600 } } },
    },
  },
  zhCN,
);
