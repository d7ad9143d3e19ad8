import type { OrganisationView, ScopeEntry } from '@app/contracts';

type FormValues = Partial<OrganisationView> & Record<string, unknown>;

function scopePayload(scope: Partial<ScopeEntry>[] | null | undefined): ScopeEntry[] {
  return (scope ?? []).map((entry) => ({
    occupationCode: entry.occupationCode ?? '',
    occupationName: entry.occupationName ?? '',
    levels: [...(entry.levels ?? [])].sort((a, b) => b - a),
    validFrom: entry.validFrom ?? '',
    validTo: entry.validTo || null,
  }));
}

/**
 * Only the fields a user edits go to the API (it refuses unknown fields): no id, childCount,
 * parentName or timestamps. Institution fields only for institutions; the deadline profile only
 * for provinces (others inherit it).
 */
function editableFields(values: FormValues) {
  const body: Record<string, unknown> = {
    name: values.name?.trim(),
    regionCode: values.regionCode || null,
  };
  if (values.level === 'provincial') body.deadlineProfile = values.deadlineProfile;
  if (values.level === 'institution') {
    body.creditCode = values.creditCode?.trim().toUpperCase();
    body.kind = values.kind;
    body.status = values.status;
    body.registeredAt = values.registeredAt;
    body.scope = scopePayload(values.scope);
  }
  return body;
}

export function toCreatePayload(values: FormValues) {
  return { level: values.level, parentId: values.parentId, ...editableFields(values) };
}

/** PUT carries the version the user saw (optimistic lock; a stale one gets 409 STALE_VERSION). */
export function toUpdatePayload(values: FormValues) {
  return { ...editableFields(values), version: values.version };
}
