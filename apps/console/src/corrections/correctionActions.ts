import { hasPermission, type InstitutionStatus, type Role } from '@app/domain';
import type {
  CertificateStatus,
  CorrectionDetail,
  CorrectionReturnBody,
  CorrectionRow,
  CorrectionStageName,
  CorrectionWithdrawBody,
  LookupStatus,
} from '@app/contracts';

/**
 * Who decides each stage (correctionRoute): a work order is the institution's parent centre's — the municipal data
 * administrator, or the provincial reviewer for provincial institutions; the published route's stages one role each.
 */
export const STAGE_DECIDERS: Record<CorrectionStageName, readonly Role[]> = {
  work_order: ['municipal_admin', 'provincial_reviewer'],
  municipal_review: ['municipal_admin'],
  provincial_review: ['provincial_reviewer'],
  national_review: ['national_reviewer'],
};

/** The stages whose requests wait for this user's decision (更正审核), in route order. */
export function queueStages(roles: readonly Role[]): CorrectionStageName[] {
  if (!hasPermission(roles, 'corrections.review')) return [];
  return (Object.keys(STAGE_DECIDERS) as CorrectionStageName[]).filter((stage) =>
    STAGE_DECIDERS[stage].some((role) => roles.includes(role)),
  );
}

export interface CertificateRequestButtons {
  /** 修改 in place: the record of a draft or returned batch (no request, R-13). */
  edit: boolean;
  /** 申请修改: a work order while in review, an erratum once published. */
  modify: boolean;
  /** 申请删除: published data, asked by the province. */
  delete: boolean;
  /** 登记再次修改: the province allows one more modification. */
  override: boolean;
}

/**
 * The request buttons of the certificate page, by role and the certificate's status. The API still decides who may
 * ask for this very certificate (its institution, its province, 404 outside the jurisdiction): this only keeps the
 * page from offering what the role can never do.
 */
export function certificateRequestButtons(
  roles: readonly Role[],
  status: CertificateStatus,
  institutionStatus?: InstitutionStatus | null,
  lookupStatus?: LookupStatus | null,
): CertificateRequestButtons {
  // A logically deleted certificate takes no more requests.
  if (lookupStatus === 'deleted') return { edit: false, modify: false, delete: false, override: false };
  // A suspended one is under the province's re-check, whose confirmation opens the request.
  const underRecheck = lookupStatus === 'suspended';
  const direct = status === 'draft' || status === 'returned';
  const requests = hasPermission(roles, 'corrections.request');
  // a dissolved institution's parent centre asks in its place.
  const forDissolved =
    institutionStatus === 'dissolved' && (roles.includes('municipal_admin') || roles.includes('provincial_admin'));
  const provincial = roles.includes('provincial_reviewer') || roles.includes('provincial_admin');
  return {
    edit: direct && hasPermission(roles, 'batches.upload'),
    modify: !direct && !underRecheck && requests && (roles.includes('institution_operator') || forDissolved),
    delete: status === 'published' && !underRecheck && requests && provincial,
    override: !direct && hasPermission(roles, 'corrections.override'),
  };
}

export interface CorrectionActions {
  approve: boolean;
  return: boolean;
  resubmit: boolean;
  withdraw: boolean;
}

/** The signed-in person, as the session knows them. */
export interface Viewer {
  id: number | null | undefined;
  organisationId: number | null | undefined;
  roles: readonly Role[];
}

/**
 * 通过 / 退回 for the role the current stage names (the route's own stage list, else the fixed table). 重新提交 (补充提交
 * for a request a confirmed re-check opened) / 撤回 for the route's requester while the request waits for them:
 * the issuing institution's operator for a modification, the province for a deletion, or whoever asked a returned
 * one (a dissolved institution's centre). The API checks the requester exactly (403 with its reason).
 */
export function correctionActions(
  correction: Pick<CorrectionDetail, 'status' | 'stage' | 'requestedById' | 'type' | 'institutionId'> & {
    stages?: CorrectionDetail['stages'];
    recheckId?: number | null;
  },
  viewer: Viewer,
): CorrectionActions {
  const { roles } = viewer;
  const stage = correction.status === 'pending' ? correction.stage : null;
  const named = stage ? correction.stages?.find((s) => s.stage === stage) : undefined;
  const deciders: readonly Role[] = named ? [named.role] : stage ? STAGE_DECIDERS[stage] : [];
  // Four eyes: the requester never decides their own request (a re-check's request was filed by its reviewer).
  const ownRequest = !correction.recheckId && viewer.id != null && viewer.id === correction.requestedById;
  const decides =
    !ownRequest && hasPermission(roles, 'corrections.review') && deciders.some((role) => roles.includes(role));
  const waiting = correction.status === 'returned' || correction.status === 'awaiting';
  const ownsRoute =
    correction.type === 'delete'
      ? roles.includes('provincial_reviewer') || roles.includes('provincial_admin')
      : roles.includes('institution_operator') && viewer.organisationId === correction.institutionId;
  const asked = correction.status === 'returned' && viewer.id != null && viewer.id === correction.requestedById;
  const requester = waiting && hasPermission(roles, 'corrections.request') && (ownsRoute || asked);
  return { approve: decides, return: decides, resubmit: requester, withdraw: requester };
}

/**
 * The work orders a provincial reviewer decides: those of the province's own institutions; work orders of
 * municipal institutions in the province are their city's. `ownInstitutionIds`: the institutions directly under the
 * reviewer's centre.
 */
export function ownWorkOrderIds(
  rows: ReadonlyArray<Pick<CorrectionRow, 'id' | 'institutionId'>>,
  ownInstitutionIds: readonly number[],
): number[] {
  const own = new Set(ownInstitutionIds);
  return rows.filter((row) => own.has(row.institutionId)).map((row) => row.id);
}

const trimmed = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

/** 退回's body: the reason as typed, without surrounding blanks, and the version seen. */
export function returnBody(values: { reason?: unknown }, version: number): CorrectionReturnBody {
  return { version, reason: trimmed(values.reason) };
}

/** 撤回's body: the reason when one is given. */
export function withdrawBody(values: { reason?: unknown }, version: number): CorrectionWithdrawBody {
  const reason = trimmed(values.reason);
  return reason ? { version, reason } : { version };
}
