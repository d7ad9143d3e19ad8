import type { CertificateKind } from './code-tables';
import { CERTIFICATE_COLUMN_HEADER, type IssueSeverity } from './record';

/** What duplicate detection needs from a row; use parsed values (CertificateRecord) so spellings agree. */
export interface DuplicateCheckRow {
  /** The sheet row number the user sees. */
  rowNumber: number;
  kind: CertificateKind;
  /** Canonical form (CertificateRecord.idNumberCanonical), so a 15- and an 18-digit number of one person match. */
  idNumber: string;
  occupationCode: string;
  level: number | null;
  certificateNumber: string;
}

export interface RowIssue {
  row: number;
  column: string;
  message: string;
  severity: IssueSeverity;
}

/**
 * R-8 inside one batch: the same (ID number, occupation, level, kind) or the same certificate number twice.
 * The later row gets the error and names the earlier one. Feed rows in sheet order while streaming;
 * memory is one map entry per row.
 */
export class BatchDuplicateDetector {
  private readonly people = new Map<string, number>();
  private readonly numbers = new Map<string, number>();

  check(row: DuplicateCheckRow): RowIssue[] {
    const issues: RowIssue[] = [];
    // join() builds one flat string; a template literal would keep a tree of its parts alive per row.
    const personKey = [row.kind, row.idNumber, row.occupationCode, row.level ?? ''].join('\u0000');
    const firstPerson = this.people.get(personKey);
    if (firstPerson === undefined) {
      this.people.set(personKey, row.rowNumber);
    } else {
      issues.push({
        row: row.rowNumber,
        column: CERTIFICATE_COLUMN_HEADER.idNumber,
        message: `与第${firstPerson}行重复：同一证件号码、职业、等级和证书类别的证书在本批次中出现两次`,
        severity: 'error',
      });
    }
    const firstNumber = this.numbers.get(row.certificateNumber);
    if (firstNumber === undefined) {
      this.numbers.set(row.certificateNumber, row.rowNumber);
    } else {
      issues.push({
        row: row.rowNumber,
        column: CERTIFICATE_COLUMN_HEADER.certificateNumber,
        message: `证书编号与第${firstNumber}行重复`,
        severity: 'error',
      });
    }
    return issues;
  }
}

/** Whole-batch form of BatchDuplicateDetector (rows in sheet order). */
export function findBatchDuplicates(rows: Iterable<DuplicateCheckRow>): RowIssue[] {
  const detector = new BatchDuplicateDetector();
  const issues: RowIssue[] = [];
  for (const row of rows) {
    issues.push(...detector.check(row));
  }
  return issues;
}
