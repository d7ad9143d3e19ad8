import {
  ASSESSMENT_RESULTS,
  BATCH_STATUS_LABELS,
  CERTIFICATE_KINDS,
  CERTIFICATE_LEVELS,
  EDUCATION_LEVELS,
  GENDERS,
  ID_TYPES,
  ORGANISATION_LEVEL_LABELS,
  ROLE_LABELS,
} from '@app/domain';
import {
  AUDIT_FIELD_LABELS,
  AUDIT_VALUE_LABELS,
  CERTIFICATE_STATUS_LABELS,
  DEADLINE_PROFILE_LABELS,
  INSTITUTION_KIND_LABELS,
  INSTITUTION_STATUS_LABELS,
  JOB_OUTCOME_LABELS,
  JOB_TRIGGER_LABELS,
  MAIL_STATUS_NAMES,
} from '@app/contracts';
import { formatBeijingDateTime, formatCalendarDay } from '../common/dates';

// The audit record's before/after for an auditor: labelled fields, values by their Chinese names, no JSON or codes.

/** "::ffff:127.0.0.1" (an IPv4 client seen through an IPv6 socket) → "127.0.0.1"; anything else as it is. */
export function displayIp(ip: string | null | undefined): string {
  if (!ip) return '';
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(ip);
  return mapped ? mapped[1] : ip;
}

const NONE = '—';

const codes = <C extends string | number>(entries: readonly { code: C; label: string }[]) =>
  Object.fromEntries(entries.map((e) => [String(e.code), e.label])) as Record<string, string>;

/** Value names by field, where the field's meaning depends on what the record is about. */
const VALUE_LABELS: Record<string, (targetType: string) => Record<string, string> | undefined> = {
  status: (type) =>
    ({
      batch: BATCH_STATUS_LABELS,
      organisation: INSTITUTION_STATUS_LABELS,
      certificate: CERTIFICATE_STATUS_LABELS,
      mail: MAIL_STATUS_NAMES,
    })[type] ?? { ...CERTIFICATE_STATUS_LABELS, ...BATCH_STATUS_LABELS },
  returnedFrom: () => BATCH_STATUS_LABELS,
  kind: (type) =>
    ({
      batch: codes(CERTIFICATE_KINDS),
      certificate: codes(CERTIFICATE_KINDS),
      organisation: INSTITUTION_KIND_LABELS,
      calendar_day: AUDIT_VALUE_LABELS.calendarDayKind,
    })[type],
  level: (type) => (type === 'organisation' ? ORGANISATION_LEVEL_LABELS : codes(CERTIFICATE_LEVELS)),
  levels: () => codes(CERTIFICATE_LEVELS),
  roles: () => ROLE_LABELS,
  deadlineProfile: () => DEADLINE_PROFILE_LABELS,
  source: () => AUDIT_VALUE_LABELS.calendarSource,
  idType: () => codes(ID_TYPES),
  gender: () => codes(GENDERS),
  education: () => codes(EDUCATION_LEVELS),
  result: () => codes(ASSESSMENT_RESULTS),
  trigger: () => JOB_TRIGGER_LABELS,
  outcome: () => JOB_OUTCOME_LABELS,
};

/** Fields that mean nothing to a reader (internal paths, search digests). */
const HIDDEN_FIELDS = new Set(['path', 'idNumberHash']);

export function auditFieldLabel(key: string): string {
  return AUDIT_FIELD_LABELS[key] ?? key;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** One value as a reader sees it: names for codes, 是/否, days as 2026-12-03, instants in Beijing time. */
export function formatAuditValue(targetType: string, key: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return NONE;
  if (typeof value === 'boolean') return value ? AUDIT_VALUE_LABELS.yes : AUDIT_VALUE_LABELS.no;
  if (Array.isArray(value)) {
    if (value.length === 0) return NONE;
    return value.map((item) => formatAuditValue(targetType, key, item)).join('、');
  }
  if (typeof value === 'object') {
    // A nested record (an exemption, a scope entry, a recomputed batch): its fields, labelled, on one line.
    return Object.entries(value as Record<string, unknown>)
      .filter(([k]) => !HIDDEN_FIELDS.has(k))
      .map(([k, v]) => `${auditFieldLabel(k)}：${formatAuditValue(targetType, k, v)}`)
      .join('；');
  }
  const text = typeof value === 'string' ? value : (value as number).toString(); // JSON: numbers remain
  const named = VALUE_LABELS[key]?.(targetType)?.[text];
  if (named) return named;
  if (ISO_DAY.test(text)) return formatCalendarDay(text);
  if (ISO_INSTANT.test(text)) return formatBeijingDateTime(text);
  return text;
}

export interface AuditFieldRow {
  key: string;
  label: string;
  before: string;
  after: string;
  changed: boolean;
}

function fieldsOf(value: unknown): Record<string, unknown> {
  if (value === null || value === undefined) return {};
  if (typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  return { value };
}

/**
 * The rows of the before/after table: every field either side holds (before's order first), nested records spread
 * into their own labelled rows (受理豁免 · 原因), `changed` where both sides exist and differ or only one side has it.
 */
export function auditFieldRows(log: { targetType: string | null; before: unknown; after: unknown }): AuditFieldRow[] {
  const type = log.targetType ?? '';
  const before = flatten(fieldsOf(log.before));
  const after = flatten(fieldsOf(log.after));
  const all = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  // A record empty on one side and spread on the other (no exemption → an exemption) shows as its fields only.
  const keys = all.filter((k) => !all.some((other) => other.startsWith(`${k}.`)));
  const hasBefore = log.before !== null && log.before !== undefined;
  const hasAfter = log.after !== null && log.after !== undefined;
  return keys.map((path) => {
    const key = path.split('.').pop()!;
    const label = path
      .split('.')
      .map((part) => auditFieldLabel(part))
      .join(' · ');
    const b = formatAuditValue(type, key, before[path]);
    const a = formatAuditValue(type, key, after[path]);
    return {
      key: path,
      label,
      before: hasBefore ? b : '',
      after: hasAfter ? a : '',
      changed: hasBefore && hasAfter && b !== a,
    };
  });
}

/** One level of nesting spread into `parent.child` rows (deeper records stay on one line). */
function flatten(fields: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (HIDDEN_FIELDS.has(key)) continue;
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const [child, v] of Object.entries(value as Record<string, unknown>)) {
        if (!HIDDEN_FIELDS.has(child)) out[`${key}.${child}`] = v;
      }
    } else {
      out[key] = value;
    }
  }
  return out;
}
