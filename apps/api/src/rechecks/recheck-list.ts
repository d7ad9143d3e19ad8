import { defineList } from '../common/http/list-query';

/**
 * `GET /api/admin/rechecks`: sorts and filters; `organisationId` (a centre or institution: its subtree) and
 * `due` (`overdue`, or `soon`: due within 3 working days — open tasks only) are applied by the service.
 */
export const RECHECK_LIST = defineList({
  resource: 'rechecks',
  sort: {
    id: 'r.id',
    dueDate: 'r.dueDate',
    suspendedAt: 'r.suspendedAt',
    status: 'r.status',
    decidedAt: 'r.decidedAt',
  },
  defaultSort: { field: 'dueDate', order: 'ASC' },
  tieBreaker: 'r.id',
  filters: {
    id: { type: 'idList', column: 'r.id' },
    status: { type: 'enum', values: ['open', 'restored', 'confirmed'], column: 'r.status' },
    certificateId: { type: 'id', column: 'r.certificateId' },
    organisationId: { type: 'id' },
    due: { type: 'enum', values: ['overdue', 'soon'] },
  },
});
