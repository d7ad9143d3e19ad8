import type { DataAdminStatus } from '@app/domain';

// The municipal data administrators' JSON shapes (`/api/admin/data-administrators…`, R-4, 附件2).

export const DATA_ADMIN_STATUS_LABELS: Record<DataAdminStatus, string> = {
  pending: '待负责人审批',
  active: '在任',
  rejected: '已驳回',
  replaced: '已交接',
};

/** `GET /api/admin/data-administrators` row and the reply of every command. */
export interface DataAdministratorRow<Time = string> {
  id: number;
  version: number;
  /** The municipal centre (单位全称). */
  organisationId: number;
  organisationName: string;
  /** The staff account; the administrator's name is the account's. */
  userId: number;
  username: string;
  name: string;
  position: string;
  officePhone: string;
  /** Masked (138****5678) in lists; in full on the record's own page. */
  mobile: string;
  qq: string | null;
  /** 证书查询问题咨询联系方式: what the public is told to call about certificate questions. */
  publicContact: string;
  status: DataAdminStatus;
  statusLabel: string;
  registeredByName: string;
  registeredAt: Time;
  /** The head who approved or rejected it (审批负责人). */
  decidedByName: string | null;
  decidedAt: Time | null;
  rejectReason: string | null;
  /** The handover: when the duty passed to this administrator, and from whom. */
  activatedAt: Time | null;
  predecessorId: number | null;
  predecessorName: string | null;
  /** When the duty passed on from this administrator (status `replaced`), and to which record. */
  replacedAt: Time | null;
  successorId: number | null;
}

/** One handover of a centre's duty: who took it over, when, from whom, approved by whom. */
export interface DataAdminHandover<Time = string> {
  id: number;
  name: string;
  activatedAt: Time;
  approvedByName: string | null;
  predecessorId: number | null;
  predecessorName: string | null;
  replacedAt: Time | null;
}

/** `GET /api/admin/data-administrators/:id`: the record and its centre's handover history, newest first. */
export interface DataAdministratorDetail<Time = string> extends DataAdministratorRow<Time> {
  handovers: DataAdminHandover<Time>[];
}

/** `POST /api/admin/data-administrators` body (附件2). */
export interface RegisterDataAdministratorBody {
  userId: number;
  position: string;
  officePhone: string;
  mobile: string;
  qq?: string | null;
  publicContact: string;
}

export interface ApproveDataAdministratorBody {
  version: number;
}

export interface RejectDataAdministratorBody {
  version: number;
  reason: string;
}

/** `GET /api/admin/data-administrators/coverage`: municipal centres within jurisdiction with no active administrator. */
export interface DataAdminCoverageGap {
  organisationId: number;
  name: string;
  regionCode: string;
  parentName: string | null;
  /** Registrations awaiting the head's approval. */
  pending: number;
}
