import { SCREENING_RULE_CODES } from '@app/domain';
import { defineList } from '../common/http/list-query';

/** `GET /api/admin/flags`: sorts and filters; `organisationId` and `certificateId` are applied by the service. */
export const FLAG_LIST = defineList({
  resource: 'flags',
  sort: {
    id: 'f.id',
    raisedAt: 'f.raisedAt',
    rule: 'f.rule',
    status: 'f.status',
    certificateCount: 'f.certificateCount',
    decidedAt: 'f.decidedAt',
  },
  defaultSort: { field: 'raisedAt', order: 'DESC' },
  tieBreaker: 'f.id',
  filters: {
    id: { type: 'idList', column: 'f.id' },
    rule: { type: 'enum', values: SCREENING_RULE_CODES, column: 'f.rule' },
    status: { type: 'enum', values: ['open', 'dismissed', 'suspended'], column: 'f.status' },
    organisationId: { type: 'id' },
    certificateId: { type: 'id' },
  },
});
