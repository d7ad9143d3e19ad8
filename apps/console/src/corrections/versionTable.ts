import { CORRECTABLE_FIELDS, type CorrectableField } from '@app/domain';
import type { CertificateVersionView } from '@app/contracts';
import { fieldHeader, fieldValueText } from './correctionFields';

export interface VersionCell {
  text: string;
  /** This version changed the field against the one before. */
  changed: boolean;
}

export interface VersionRow {
  field: CorrectableField;
  header: string;
  cells: VersionCell[];
  /** Some version changed this field: the side-by-side view can show such rows only. */
  everChanged: boolean;
}

/**
 * the versions side by side — one row per correctable field in the template's order, one cell per version
 * (oldest first, as the API answers). A cell is changed when the version's `changes` name the field, or its value
 * differs from the version before.
 */
export function versionRows(versions: readonly CertificateVersionView[]): VersionRow[] {
  return CORRECTABLE_FIELDS.map((field) => {
    const cells = versions.map((version, index) => {
      const text = fieldValueText(field, version.values?.[field]);
      const before = index > 0 ? fieldValueText(field, versions[index - 1].values?.[field]) : text;
      const named = index > 0 && version.changes.some((change) => change.field === field);
      return { text, changed: named || text !== before };
    });
    return { field, header: fieldHeader(field), cells, everChanged: cells.some((c) => c.changed) };
  });
}

/** i18n key of a version's source: 导入 / 修改 / 重新上传 / 更正. */
export function versionSourceKey(source: CertificateVersionView['source']): string {
  return `app.corrections.versions.source.${source}`;
}
