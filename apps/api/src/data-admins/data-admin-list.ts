import { DATA_ADMIN_STATUSES } from '@app/domain';
import { defineList } from '../common/http/list-query';

/** `GET /api/admin/data-administrators`: within the caller's jurisdiction; by centre and status. */
export const DATA_ADMIN_LIST = defineList({
  resource: 'data-administrators',
  sort: {
    id: 'd.id',
    status: 'd.status',
    registeredAt: 'd.registeredAt',
    activatedAt: 'd.activatedAt',
    organisationId: 'd.organisationId',
  },
  defaultSort: { field: 'id', order: 'DESC' },
  tieBreaker: 'd.id',
  filters: {
    id: { type: 'idList', column: 'd.id' },
    organisationId: { type: 'id', column: 'd.organisationId' },
    userId: { type: 'id', column: 'd.userId' },
    status: { type: 'enumList', values: DATA_ADMIN_STATUSES, column: 'd.status' },
  },
});
