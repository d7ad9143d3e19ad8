import { ConfigError, loadConfig } from '../config/app-config';
import { smtpErrorText } from './mail-transport';

const load = (env: Record<string, string>) => loadConfig({ NODE_ENV: 'test', ...env });

// Issue: an invalid SMTP_URL stops start-up naming the key; the console's base URL for mail links comes from config.
describe('mail and public URL configuration', () => {
  it('defaults: no SMTP server (mails stay in the outbox) and the local console address', () => {
    const config = load({});
    expect(config.mail.smtpUrl).toBe('');
    expect(config.app.publicUrl).toBe('http://localhost:3000');
    expect(config.mail).toMatchObject({ retryBaseSeconds: 60, maxAttempts: 8, batchSize: 50, claimSeconds: 300 });
  });

  it.each([
    ['smtp://127.0.0.1:2525', 'smtp://127.0.0.1:2525'],
    ['smtps://user:p%40ss@mail.example.cn:465', 'smtps://user:p%40ss@mail.example.cn:465'],
  ])('accepts SMTP_URL=%s', (url, expected) => {
    expect(load({ SMTP_URL: url }).mail.smtpUrl).toBe(expected);
  });

  it.each(['http://mail.example.cn', 'mail.example.cn:25', 'smtp://', 'smtp://bad host:25', 'smtp://[::1:25'])(
    'refuses SMTP_URL=%j, naming the key',
    (url) => {
      expect(() => load({ SMTP_URL: url })).toThrow(ConfigError);
      expect(() => load({ SMTP_URL: url })).toThrow('配置项 mail.smtpUrl（环境变量 SMTP_URL） 无效');
    },
  );

  it.each([
    ['PUBLIC_URL', 'console.example.cn', 'app.publicUrl'],
    ['MAIL_MAX_ATTEMPTS', '0', 'mail.maxAttempts'],
    ['MAIL_RETRY_BASE_SECONDS', 'soon', 'mail.retryBaseSeconds'],
    ['MAIL_CLAIM_SECONDS', '1', 'mail.claimSeconds'],
  ])('refuses %s=%j, naming %s', (name, value, key) => {
    expect(() => load({ [name]: value })).toThrow(`配置项 ${key}（环境变量 ${name}） 无效`);
  });

  it('takes PUBLIC_URL and the retry settings from the environment', () => {
    const config = load({ PUBLIC_URL: 'https://jd.example.cn/console', MAIL_MAX_ATTEMPTS: '3' });
    expect(config.app.publicUrl).toBe('https://jd.example.cn/console');
    expect(config.mail.maxAttempts).toBe(3);
  });
});

describe('SMTP failures in the outbox, in Chinese', () => {
  it.each([
    [
      { code: 'ECONNECTION', message: 'connect ECONNREFUSED 127.0.0.1:25' },
      '无法连接邮件服务器（connect ECONNREFUSED 127.0.0.1:25）',
    ],
    [{ code: 'EAUTH', message: 'Invalid login: 535' }, '邮件服务器拒绝登录（用户名或密码有误）（Invalid login: 535）'],
    [{ responseCode: 451, message: 'try later' }, '邮件服务器暂时无法接收，稍后重试（try later）'],
    [{ responseCode: 550, message: 'no such user' }, '邮件服务器拒绝了这封邮件（no such user）'],
    [
      { code: 'ESOCKET', message: 'connect ECONNREFUSED 127.0.0.1:2525' },
      '无法连接邮件服务器（connect ECONNREFUSED 127.0.0.1:2525）',
    ],
    [new Error('boom'), '发送失败（boom）'],
  ])('%j → %s', (error, text) => {
    expect(smtpErrorText(error)).toBe(text);
  });
});
