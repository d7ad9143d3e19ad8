import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { validateCronExpression } from 'cron';
import { z } from 'zod';

const DEV_KEY_MARKER = 'dev-only-';
const isoDate = /^\d{4}-\d{2}-\d{2}$/;

const base64Key32 = z
  .string()
  .refine((v) => Buffer.from(v, 'base64').length === 32, '必须是 32 字节密钥的 base64 编码');

const schema = z
  .object({
    nodeEnv: z.enum(['development', 'test', 'production']),
    server: z.object({ port: z.coerce.number().int().min(1).max(65535), trustProxy: z.coerce.boolean() }),
    database: z.object({
      url: z.string().regex(/^(sqlite:.+|mysql:\/\/.+)$/, '应为 sqlite:<路径> 或 mysql://user:pass@host:port/db'),
      loadDemoData: z.coerce.boolean(),
      // Read replicas (MySQL/MariaDB): a list in yaml, comma-separated in DATABASE_REPLICA_URLS.
      replicaUrls: z.preprocess(
        (v) =>
          typeof v === 'string'
            ? v
                .split(',')
                .map((u) => u.trim())
                .filter(Boolean)
            : (v ?? []),
        z.array(z.string().regex(/^mysql:\/\/.+/, '应为 mysql://user:pass@host:port/db')),
      ),
    }),
    app: z.object({ publicUrl: z.string().regex(/^https?:\/\/[^\s]+$/, '应为 http(s):// 开头的网址') }),
    mail: z.object({
      smtpUrl: z
        .string()
        .regex(/^(|smtps?:\/\/.+)$/, '应为 smtp://… 或 smtps://…，或留空')
        .refine((v) => v === '' || URL.canParse(v), '不是合法的 URL'),
      from: z.string().min(3),
      // Outbox dispatch: retries back off exponentially (base × 2^(attempts−1)); after maxAttempts a mail is dead.
      retryBaseSeconds: z.coerce.number().int().min(1).max(86400),
      maxAttempts: z.coerce.number().int().min(1).max(100),
      batchSize: z.coerce.number().int().min(1).max(1000),
      claimSeconds: z.coerce.number().int().min(10).max(3600),
    }),
    auth: z.object({
      sessionIdleMinutes: z.coerce.number().int().min(1).max(480),
      lockoutThreshold: z.coerce.number().int().min(1).max(20),
      lockoutMinutes: z.coerce.number().int().min(1),
      addressFailureLimit: z.coerce.number().int().min(1).max(10000),
      addressWindowMinutes: z.coerce.number().int().min(1).max(1440),
      totpIssuer: z.string().min(1),
      principalCacheSeconds: z.coerce.number().int().min(0).max(60),
    }),
    crypto: z.object({ idEncryptionKey: base64Key32, idBlindIndexKey: base64Key32, auditAnchorKey: base64Key32 }),
    storage: z.object({ dir: z.string().min(1) }),
    import: z.object({
      maxBytes: z.coerce.number().int().positive(),
      maxRows: z.coerce.number().int().positive(),
      maxErrors: z.coerce.number().int().positive(),
      errorReportRetentionDays: z.coerce.number().int().min(1).max(365),
    }),
    // R-24: scanned statements, commitments and work orders (PDF, JPEG, PNG).
    attachments: z.object({ maxBytes: z.coerce.number().int().positive() }),
    personalData: z.object({
      idSearchesPerHour: z.coerce.number().int().min(1),
      revealsPerHour: z.coerce.number().int().min(1),
    }),
    lookupOldMode: z.object({ perMinute: z.coerce.number().int().min(1).max(100_000) }),
    // R-32: seconds the stored schedule is kept in memory (the day is always computed per request).
    queryMode: z.object({ cacheSeconds: z.coerce.number().int().min(0).max(60) }),
    // R-5, R-29 – R-31: the public lookup's accounts, quotas, codes and batch query.
    lookupAccounts: z.object({
      registrationsPerHour: z.coerce.number().int().min(1),
      personDailyQuota: z.coerce.number().int().min(1),
      legalEntityDailyQuota: z.coerce.number().int().min(1),
      batchMaxRows: z.coerce.number().int().min(1).max(100_000),
      codeFailureLimit: z.coerce.number().int().min(1).max(1000),
      codeLockMinutes: z.coerce.number().int().min(1).max(1440),
    }),
    runtime: z.object({ heapGrowingPercent: z.coerce.number().int().min(0).max(300) }),
    audit: z.object({ anchorIntervalMinutes: z.coerce.number().int().min(1).max(1440) }),
    jobs: z.object({
      enabled: z.coerce.boolean(),
      leaseSeconds: z.coerce.number().int().min(1).max(86_400),
      renewFraction: z.coerce.number().min(0.05).max(0.5),
      runRetentionDays: z.coerce.number().int().min(1).max(36_500),
      schedules: z.record(
        z.string().regex(/^[a-z][a-z0-9-]{0,63}$/, '任务名应为小写字母、数字和连字符'),
        z.string().refine((expression) => validateCronExpression(expression).valid, '不是有效的 cron 表达式'),
      ),
    }),
    // R-25, R-26: screening thresholds and the re-check deadline.
    screening: z.object({
      frequentCount: z.coerce.number().int().min(2).max(1000),
      frequentDays: z.coerce.number().int().min(1).max(3660),
      volumeFactor: z.coerce.number().min(1).max(1000),
      volumeTrailingMonths: z.coerce.number().int().min(1).max(60),
      minimumAge: z.coerce.number().int().min(1).max(100),
      watermarkOverlapMinutes: z.coerce.number().int().min(0).max(1440),
      recheckWorkingDays: z.coerce.number().int().min(1).max(365),
    }),
    appToday: z.string().regex(isoDate, '应为 YYYY-MM-DD').optional(),
  })
  .superRefine((c, ctx) => {
    if (c.database.replicaUrls.length && !c.database.url.startsWith('mysql://')) {
      ctx.addIssue({ code: 'custom', path: ['database', 'replicaUrls'], message: '只读副本只用于 MySQL/MariaDB 主库' });
    }
    if (c.nodeEnv !== 'production') return;
    if (c.appToday) {
      ctx.addIssue({ code: 'custom', path: ['appToday'], message: 'APP_TODAY 不允许在生产环境使用' });
    }
    for (const key of ['idEncryptionKey', 'idBlindIndexKey', 'auditAnchorKey'] as const) {
      if (Buffer.from(c.crypto[key], 'base64').toString('latin1').startsWith(DEV_KEY_MARKER)) {
        ctx.addIssue({ code: 'custom', path: ['crypto', key], message: '生产环境不得使用开发默认密钥' });
      }
    }
  });

export type AppConfig = z.infer<typeof schema>;

/** Environment variables that override a config key (ARCHITECTURE.md: yaml defaults, env overrides). */
const ENV_OVERRIDES: Record<string, string[]> = {
  PORT: ['server', 'port'],
  TRUST_PROXY: ['server', 'trustProxy'],
  DATABASE_URL: ['database', 'url'],
  DATABASE_REPLICA_URLS: ['database', 'replicaUrls'],
  LOAD_DEMO_DATA: ['database', 'loadDemoData'],
  PUBLIC_URL: ['app', 'publicUrl'],
  SMTP_URL: ['mail', 'smtpUrl'],
  MAIL_FROM: ['mail', 'from'],
  MAIL_RETRY_BASE_SECONDS: ['mail', 'retryBaseSeconds'],
  MAIL_MAX_ATTEMPTS: ['mail', 'maxAttempts'],
  MAIL_BATCH_SIZE: ['mail', 'batchSize'],
  MAIL_CLAIM_SECONDS: ['mail', 'claimSeconds'],
  SESSION_IDLE_MINUTES: ['auth', 'sessionIdleMinutes'],
  PRINCIPAL_CACHE_SECONDS: ['auth', 'principalCacheSeconds'],
  LOGIN_ADDRESS_FAILURE_LIMIT: ['auth', 'addressFailureLimit'],
  LOGIN_ADDRESS_WINDOW_MINUTES: ['auth', 'addressWindowMinutes'],
  ID_ENCRYPTION_KEY: ['crypto', 'idEncryptionKey'],
  ID_BLIND_INDEX_KEY: ['crypto', 'idBlindIndexKey'],
  AUDIT_ANCHOR_KEY: ['crypto', 'auditAnchorKey'],
  AUDIT_ANCHOR_INTERVAL_MINUTES: ['audit', 'anchorIntervalMinutes'],
  STORAGE_DIR: ['storage', 'dir'],
  IMPORT_MAX_BYTES: ['import', 'maxBytes'],
  IMPORT_MAX_ROWS: ['import', 'maxRows'],
  IMPORT_MAX_ERRORS: ['import', 'maxErrors'],
  ERROR_REPORT_RETENTION_DAYS: ['import', 'errorReportRetentionDays'],
  ATTACHMENT_MAX_BYTES: ['attachments', 'maxBytes'],
  ID_SEARCH_LIMIT_PER_HOUR: ['personalData', 'idSearchesPerHour'],
  ID_REVEAL_LIMIT_PER_HOUR: ['personalData', 'revealsPerHour'],
  HEAP_GROWING_PERCENT: ['runtime', 'heapGrowingPercent'],
  LOOKUP_OLD_MODE_PER_MINUTE: ['lookupOldMode', 'perMinute'],
  QUERY_MODE_CACHE_SECONDS: ['queryMode', 'cacheSeconds'],
  LOOKUP_REGISTRATIONS_PER_HOUR: ['lookupAccounts', 'registrationsPerHour'],
  LOOKUP_PERSON_DAILY_QUOTA: ['lookupAccounts', 'personDailyQuota'],
  LOOKUP_LEGAL_ENTITY_DAILY_QUOTA: ['lookupAccounts', 'legalEntityDailyQuota'],
  LOOKUP_BATCH_MAX_ROWS: ['lookupAccounts', 'batchMaxRows'],
  APP_TODAY: ['appToday'],
  JOBS_ENABLED: ['jobs', 'enabled'],
  JOB_LEASE_SECONDS: ['jobs', 'leaseSeconds'],
  JOB_LEASE_RENEW_FRACTION: ['jobs', 'renewFraction'],
  JOB_RUN_RETENTION_DAYS: ['jobs', 'runRetentionDays'],
};

/** JOB_SCHEDULE_DEADLINE_REMINDERS overrides jobs.schedules.deadline-reminders, and so on for every job. */
const JOB_SCHEDULE_ENV = /^JOB_SCHEDULE_([A-Z0-9_]+)$/;

function envNameOf(key: string): string | undefined {
  const fixed = Object.entries(ENV_OVERRIDES).find(([, p]) => p.join('.') === key)?.[0];
  if (fixed) return fixed;
  const schedule = /^jobs\.schedules\.(.+)$/.exec(key);
  return schedule ? `JOB_SCHEDULE_${schedule[1].toUpperCase().replace(/-/g, '_')}` : undefined;
}

export class ConfigError extends Error {}

/** The repository root: the nearest folder above this file that holds config/default.yaml (works from dist/ too). */
export function projectRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'config', 'default.yaml'))) {
    const up = dirname(dir);
    if (up === dir) throw new ConfigError('找不到 config/default.yaml');
    dir = up;
  }
  return dir;
}

/** The storage directory as configured (environment variable STORAGE_DIR), resolved against the project root when relative. */
export function storageRoot(config: AppConfig): string {
  return isAbsolute(config.storage.dir) ? config.storage.dir : join(projectRoot(), config.storage.dir);
}

function setPath(target: Record<string, unknown>, path: string[], value: unknown): void {
  let node = target;
  for (const key of path.slice(0, -1)) {
    node[key] = node[key] ?? {};
    node = node[key] as Record<string, unknown>;
  }
  node[path[path.length - 1]] = value;
}

function parseBooleanish(value: string): unknown {
  if (value === 'true' || value === '1') return true;
  if (value === 'false' || value === '0') return false;
  return value;
}

/** Reads config/default.yaml, applies environment overrides and validates. Throws ConfigError naming the key. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const file = join(projectRoot(), 'config', 'default.yaml');
  const raw = parseYaml(readFileSync(file, 'utf8')) as Record<string, unknown>;
  raw.nodeEnv = env.NODE_ENV ?? 'development';
  // Scheduled jobs never fire in tests unless a test sets JOBS_ENABLED.
  if (raw.nodeEnv === 'test') setPath(raw, ['jobs', 'enabled'], false);
  for (const [name, path] of Object.entries(ENV_OVERRIDES)) {
    const value = env[name];
    if (value !== undefined && value !== '') setPath(raw, path, parseBooleanish(value));
  }
  for (const [name, value] of Object.entries(env)) {
    const job = JOB_SCHEDULE_ENV.exec(name)?.[1];
    if (job && value) setPath(raw, ['jobs', 'schedules', job.toLowerCase().replace(/_/g, '-')], value);
  }
  const result = schema.safeParse(raw);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => {
      const key = issue.path.join('.');
      const envName = envNameOf(key);
      return `配置项 ${key}${envName ? `（环境变量 ${envName}）` : ''} 无效：${issue.message}`;
    });
    throw new ConfigError(lines.join('\n'));
  }
  return result.data;
}

export const APP_CONFIG = Symbol('APP_CONFIG');
