import { CORRECTION_STAGES, CORRECTION_TYPES } from '@app/domain';
import { CORRECTION_STATUSES } from '@app/contracts';
import { defineList } from '../common/http/list-query';

/** `GET /api/admin/corrections`: within jurisdiction by the issuing institution's path. */
export const CORRECTION_LIST = defineList({
  resource: 'corrections',
  sort: {
    id: 'c.id',
    dueDate: 'c.dueDate',
    requestedAt: 'c.requestedAt',
    status: 'c.status',
  },
  defaultSort: { field: 'id', order: 'DESC' },
  tieBreaker: 'c.id',
  filters: {
    id: { type: 'idList', column: 'c.id' },
    status: { type: 'enum', values: CORRECTION_STATUSES, column: 'c.status' },
    stage: { type: 'enum', values: CORRECTION_STAGES, column: 'c.stage' },
    type: { type: 'enum', values: CORRECTION_TYPES, column: 'c.type' },
    route: {
      type: 'enum',
      values: ['work_order', 'published_modification', 'published_deletion'],
      column: 'c.route',
    },
    certificateId: { type: 'id', column: 'c.certificateId' },
  },
});
