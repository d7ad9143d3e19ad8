import { zhCN } from '@mui/material/locale';
import { zhCN as pickersZhCN } from '@mui/x-date-pickers/locales';
import { defaultTheme, type RaThemeOptions } from 'react-admin';

// Fonts that carry Simplified Chinese on Windows, macOS and Linux desktops used in government offices.
const fontFamily = [
  '"Microsoft YaHei"',
  '"PingFang SC"',
  '"Noto Sans CJK SC"',
  '"Source Han Sans SC"',
  '"WenQuanYi Micro Hei"',
  '"Helvetica Neue"',
  'Arial',
  'sans-serif',
].join(',');

export const theme: RaThemeOptions = {
  ...defaultTheme,
  palette: {
    ...defaultTheme.palette,
    primary: { main: '#1565c0' },
    secondary: { main: '#0b3a6e' },
    background: { default: '#f4f7fb' },
  },
  typography: { ...defaultTheme.typography, fontFamily },
  components: {
    ...defaultTheme.components,
    // MUI's own built-in texts (pagination, alerts …) in Chinese.
    ...zhCN.components,
    ...pickersZhCN.components,
    // Chinese column titles are short; wrapping them one character per line reads badly.
    RaDataTable: { styleOverrides: { root: { '& .RaDataTable-headerCell': { whiteSpace: 'nowrap' } } } },
  },
};
