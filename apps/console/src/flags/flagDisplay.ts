import { CERTIFICATE_LEVELS, hasPermission, labelOf, type CertificateLevel, type Role } from '@app/domain';
import {
  FLAG_FIGURE_LABELS,
  INSTITUTION_STATUS_LABELS,
  SCREENING_RULE_CODES,
  SCREENING_RULE_LABELS,
  type FlagCertificate,
  type FlagDetail,
  type FlagRow,
  type FlagRuleCount,
  type InstitutionStatus,
} from '@app/contracts';

export interface FigureRow {
  key: string;
  label: string;
  value: string;
}

/** A figure's value as a reviewer reads it: names for codes, never an internal id or code alone. */
function figureValue(key: string, value: string | number, flag: Pick<FlagDetail, 'certificates' | 'institutionNames'>) {
  const text = String(value);
  switch (key) {
    case 'status':
      return INSTITUTION_STATUS_LABELS[text as InstitutionStatus] ?? text;
    case 'level':
      return text === '' ? '' : labelOf(CERTIFICATE_LEVELS, Number(value) as CertificateLevel);
    case 'institutionId': {
      const named = (flag.certificates ?? []).find((c) => String(c.institutionId) === text)?.institutionName;
      return named ?? (flag.institutionNames.length === 1 ? flag.institutionNames[0] : text);
    }
    case 'occupationCode': {
      const name = (flag.certificates ?? []).find((c) => c.occupationCode === text)?.occupationName;
      return name ? `${name} ${text}` : text;
    }
    default:
      return text;
  }
}

/** the figures that crossed the threshold, labelled (the API's names first, then the console's own). */
export function flagFigureRows(
  flag: Pick<FlagDetail, 'figures' | 'figureLabels' | 'certificates' | 'institutionNames'>,
): FigureRow[] {
  return Object.entries(flag.figures ?? {}).map(([key, value]) => ({
    key,
    label: flag.figureLabels?.[key] ?? FLAG_FIGURE_LABELS[key] ?? key,
    value: figureValue(key, value, flag),
  }));
}

/** only a published certificate that lookup still finds can be suspended. */
export const certificateSuspendable = (c: Pick<FlagCertificate, 'status' | 'lookupStatus'>) =>
  c.status === 'published' && c.lookupStatus === 'visible';

/** what this user may do with the flag as it stands. */
export function flagActions(
  flag: Pick<FlagRow, 'status'> & { certificates?: Pick<FlagCertificate, 'status' | 'lookupStatus'>[] },
  roles: readonly Role[],
) {
  const decides = hasPermission(roles, 'flags.decide');
  return {
    dismiss: decides && flag.status === 'open',
    suspendAll:
      decides && flag.status !== 'dismissed' && (flag.certificates ?? []).some((c) => certificateSuspendable(c)),
    suspendOne: decides && flag.status !== 'dismissed',
  };
}

/** The first few certificate numbers of a list row; the rest are counted. */
export function numbersPreview(numbers: readonly string[], total: number, shown = 3) {
  const listed = numbers.slice(0, shown);
  return { listed, more: Math.max(0, total - listed.length) };
}

/** Every rule in the order the rules are defined, with zero counts where nothing was raised. */
export function countsByRule(summary: readonly FlagRuleCount[]): FlagRuleCount[] {
  return SCREENING_RULE_CODES.map(
    (rule) =>
      summary.find((s) => s.rule === rule) ?? {
        rule,
        ruleLabel: SCREENING_RULE_LABELS[rule],
        open: 0,
        dismissed: 0,
        suspended: 0,
      },
  );
}
