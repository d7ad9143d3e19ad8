import type { AuthorizationCodeView, LookupCoverageRow, LookupKind, LookupModesView } from '@app/contracts';
import { addDaysIso } from '@app/domain';
import { formatPublicDay } from './labels';

// The site's few pure rules of presentation, unit-tested beside them (rules.spec.ts).

export type KindMode = LookupModesView['kinds'][number];

/** The first day a kind's old mode is closed (the day after its last day), as the site words dates. */
export function oldModeClosedFrom(k: Pick<KindMode, 'oldModeLastDay'>): string {
  return formatPublicDay(addDaysIso(k.oldModeLastDay, 1));
}

/** One kind's state today in words: which side is open and until or from when. */
export function modeSentence(k: KindMode): string {
  const start = formatPublicDay(k.newModeStart);
  const last = formatPublicDay(k.oldModeLastDay);
  switch (k.mode) {
    case 'old':
      return `目前使用旧版查询；新版实名查询自${start}起上线。`;
    case 'both':
      return `新版与旧版查询并行，旧版查询开放至${last}（含），此后统一使用新版查询。`;
    case 'new':
      return `旧版查询已于${oldModeClosedFrom(k)}起停用，请登录后使用新版查询。`;
  }
}

/** The code this kind's panel shows: the one in force, else a stopped one that can be resumed, else the newest. */
export function currentCode(codes: readonly AuthorizationCodeView[], kind: LookupKind) {
  const ofKind = codes.filter((c) => c.kind === kind).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return ofKind.find((c) => c.status === 'active') ?? ofKind.find((c) => c.status === 'stopped') ?? ofKind[0];
}

/** Seed 001 writes months as "2007.1". */
function month(day: string): string {
  const [y, m] = day.split('-');
  return `${y}.${Number(m)}`;
}

export function coverageRange(earliest: string, latest: string): string {
  return `${month(earliest)}--${month(latest)}`;
}

interface Province {
  name: string;
  earliest: string;
  latest: string;
  institutions: LookupCoverageRow[];
}

/** Rows of one kind by province, each with the span of its institutions' data. */
export function byProvince(rows: readonly LookupCoverageRow[], kind: LookupKind): Province[] {
  const provinces = new Map<string, Province>();
  for (const row of rows.filter((r) => r.kind === kind)) {
    const p = provinces.get(row.provinceName) ?? {
      name: row.provinceName,
      earliest: row.earliestIssueDate,
      latest: row.latestIssueDate,
      institutions: [],
    };
    if (row.earliestIssueDate < p.earliest) p.earliest = row.earliestIssueDate;
    if (row.latestIssueDate > p.latest) p.latest = row.latestIssueDate;
    p.institutions.push(row);
    provinces.set(row.provinceName, p);
  }
  return [...provinces.values()];
}
