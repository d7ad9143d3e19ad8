import polyglotI18nProvider from 'ra-i18n-polyglot';
import { zhCN } from '../i18n/zh-CN';

// Simplified Chinese only. allowMissing would hide a missing key behind its English fallback: keep it off.
export const i18nProvider = polyglotI18nProvider(() => zhCN, 'zh-CN', [{ locale: 'zh-CN', name: '简体中文' }]);
