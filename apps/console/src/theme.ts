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
    // No widows (a lone 回 on the last line at 1366 px): Chromium balances the last lines of every paragraph.
    MuiCssBaseline: { styleOverrides: { body: { textWrap: 'pretty' } } },
    // One pager wording everywhere: MUI's own tables (e.g. the import errors) say what react-admin's lists say.
    MuiTablePagination: {
      defaultProps: {
        labelRowsPerPage: '每页条数：',
        labelDisplayedRows: ({ from, to, count }: { from: number; to: number; count: number }) =>
          count === -1 ? `第 ${from}-${to} 条，共 ${to} 条以上` : `第 ${from}-${to} 条，共 ${count} 条`,
      },
    },
    // Chinese column titles are short; wrapping them one character per line reads badly.
    RaDataTable: {
      styleOverrides: {
        root: {
          '& .RaDataTable-headerCell': { whiteSpace: 'nowrap' },
          // A table wider than the screen (a phone, a long list) scrolls inside its own box; the page never scrolls
          // sideways (width 0 + min-width 100%: the table's width does not count in the page's width).
          '& .RaDataTable-tableWrapper': { overflowX: 'auto', width: 0, minWidth: '100%' },
        },
      },
    },
  },
};
