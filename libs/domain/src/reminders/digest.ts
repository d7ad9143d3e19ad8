/**
 * Digest mails: one Chinese mail per person per reminder run, listing what of theirs is overdue and
 * what falls due soon. Pure: the caller supplies the items, the person and the console's base URL.
 */

export type DigestItemKind = 'upload' | 'review' | 'correction' | 'qualification_upload_day' | (string & {});

export interface DigestItem {
  kind: DigestItemKind;
  /** The batch the line links to; null for an item of no batch (an R-18 upload day links to the upload page). */
  batchId: number | null;
  institutionName: string;
  /** Records of the batch; null when the item has no batch. */
  recordCount: number | null;
  /** The stage in words, e.g. "市级审核". */
  stageLabel: string;
  /** YYYY-MM-DD (a Beijing calendar day). */
  dueDate: string;
  /** Working days left until the due date (≥ 0) when due soon. */
  workingDaysLeft: number;
  /** Working days past the due date (≥ 1) when overdue; 0 or absent when not overdue. */
  overdueWorkingDays?: number;
  /** The console route the line opens when it is not a batch's (e.g. `/query-mode`); default the upload page. */
  linkPath?: string;
  /** How far off it is, when not counted in working days (e.g. `距切换还有 7 天`). */
  remainingText?: string;
}

export interface DigestRecipient {
  displayName: string;
  email: string;
}

export interface DigestMail {
  to: string;
  subject: string;
  text: string;
  html: string;
}

export const DIGEST_SUBJECT_PREFIX = '【证书数据监管平台】';

/** `2026-12-04` → `2026年12月4日`. */
export function formatChineseDate(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) throw new RangeError(`not a YYYY-MM-DD date: ${isoDate}`);
  return `${Number(match[1])}年${Number(match[2])}月${Number(match[3])}日`;
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => HTML_ENTITIES[c]);
}

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function isOverdue(item: DigestItem): boolean {
  return (item.overdueWorkingDays ?? 0) > 0;
}

export function batchLink(baseUrl: string, batchId: number): string {
  return `${baseUrl.replace(/\/+$/, '')}/#/batches/${batchId}/show`;
}

/** The console page a line links to: its batch, its own route, or the upload page for an item of no batch. */
export function itemLink(baseUrl: string, item: Pick<DigestItem, 'batchId' | 'linkPath'>): string {
  if (item.batchId !== null) return batchLink(baseUrl, item.batchId);
  return `${baseUrl.replace(/\/+$/, '')}/#${item.linkPath ?? '/batches/create'}`;
}

function records(item: DigestItem): string {
  return item.recordCount === null ? '' : `（${item.recordCount} 条记录）`;
}

/** `您有 3 项待办即将到期，1 项已逾期`, leaving out a part whose count is 0. */
export function digestSubject(dueSoon: number, overdue: number): string {
  if (dueSoon === 0 && overdue === 0) return `${DIGEST_SUBJECT_PREFIX}您没有即将到期或逾期的待办`;
  if (dueSoon === 0) return `${DIGEST_SUBJECT_PREFIX}您有 ${overdue} 项待办已逾期`;
  const overduePart = overdue > 0 ? `，${overdue} 项已逾期` : '';
  return `${DIGEST_SUBJECT_PREFIX}您有 ${dueSoon} 项待办即将到期${overduePart}`;
}

function byDueDate(a: DigestItem, b: DigestItem): number {
  return a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : (a.batchId ?? 0) - (b.batchId ?? 0);
}

function remaining(item: DigestItem): string {
  if (item.remainingText) return item.remainingText;
  return isOverdue(item) ? `已逾期 ${item.overdueWorkingDays} 个工作日` : `剩余 ${item.workingDaysLeft} 个工作日`;
}

function lineText(item: DigestItem, baseUrl: string): string {
  return (
    `- ${item.institutionName}${records(item)}${item.stageLabel}，` +
    `截止 ${formatChineseDate(item.dueDate)}，${remaining(item)}\n  ${itemLink(baseUrl, item)}`
  );
}

function lineHtml(item: DigestItem, baseUrl: string): string {
  const link = escapeHtml(itemLink(baseUrl, item));
  return (
    `<li><a href="${link}">${escapeHtml(item.institutionName)}</a>${records(item)}` +
    `${escapeHtml(item.stageLabel)}，截止 ${formatChineseDate(item.dueDate)}，<strong>${remaining(item)}</strong></li>`
  );
}

/**
 * The most lines one digest lists: the outbox's bodies are `text` columns (64 KB on MySQL), and a head receiving
 * escalations of a whole region could otherwise overflow them. The subject and group titles keep the full counts.
 */
export const DIGEST_MAX_ITEMS = 100;

/**
 * Builds the digest: overdue items first (earliest due date first), then the ones due soon. Beyond `maxItems` lines
 * the rest is counted in one line pointing to the console.
 */
export function buildDigest(
  recipient: DigestRecipient,
  items: readonly DigestItem[],
  baseUrl: string,
  maxItems: number = DIGEST_MAX_ITEMS,
): DigestMail {
  const overdue = items.filter(isOverdue).sort(byDueDate);
  const dueSoon = items.filter((i) => !isOverdue(i)).sort(byDueDate);
  const overdueShown = overdue.slice(0, maxItems);
  const dueSoonShown = dueSoon.slice(0, Math.max(0, maxItems - overdueShown.length));
  const omitted = overdue.length + dueSoon.length - overdueShown.length - dueSoonShown.length;
  const groups = [
    { title: `已逾期（${overdue.length} 项）`, items: overdueShown },
    { title: `即将到期（${dueSoon.length} 项）`, items: dueSoonShown },
  ].filter((g) => g.items.length > 0);
  const more = omitted > 0 ? `另有 ${omitted} 项未在此列出，请登录平台查看：${baseUrl.replace(/\/+$/, '')}/` : null;
  const greeting = `${recipient.displayName}，您好：`;
  const intro = '以下是您负责的待办事项，请及时处理。';
  const footer = '此邮件由证书数据监管平台自动发送，请勿回复。';
  const text = [
    greeting,
    '',
    intro,
    ...groups.flatMap((g) => ['', `${g.title}`, ...g.items.map((i) => lineText(i, baseUrl))]),
    ...(more ? ['', more] : []),
    '',
    footer,
    '',
  ].join('\n');
  const html = [
    '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"></head><body>',
    `<p>${escapeHtml(greeting)}</p>`,
    `<p>${intro}</p>`,
    ...groups.map((g) => `<h3>${g.title}</h3><ul>${g.items.map((i) => lineHtml(i, baseUrl)).join('')}</ul>`),
    ...(more ? [`<p>${escapeHtml(more)}</p>`] : []),
    `<p style="color:#888">${footer}</p>`,
    '</body></html>',
  ].join('\n');
  return { to: recipient.email, subject: digestSubject(dueSoon.length, overdue.length), text, html };
}
