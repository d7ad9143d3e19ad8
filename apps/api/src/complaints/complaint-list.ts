import { COMPLAINT_CHANNELS, COMPLAINT_STATUSES } from '@app/domain';
import { defineList } from '../common/http/list-query';

/**
 * `GET /api/admin/complaints`: sorts and filters; `due` (`overdue`: open past its due day, or `soon`: open and
 * due within 3 working days) is applied by the service.
 */
export const COMPLAINT_LIST = defineList({
  resource: 'complaints',
  sort: {
    id: 'c.id',
    dueDate: 'c.dueDate',
    receivedOn: 'c.receivedOn',
    recordedAt: 'c.recordedAt',
    status: 'c.status',
    channel: 'c.channel',
  },
  defaultSort: { field: 'id', order: 'DESC' },
  tieBreaker: 'c.id',
  filters: {
    id: { type: 'idList', column: 'c.id' },
    status: { type: 'enum', values: [...COMPLAINT_STATUSES], column: 'c.status' },
    channel: { type: 'enum', values: [...COMPLAINT_CHANNELS], column: 'c.channel' },
    institutionId: { type: 'id', column: 'c.institutionId' },
    certificateId: { type: 'id', column: 'c.certificateId' },
    batchId: { type: 'id', column: 'c.batchId' },
    due: { type: 'enum', values: ['overdue', 'soon'] },
  },
});
