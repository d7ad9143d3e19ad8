import { defineList } from '../common/http/list-query';

export const CERTIFICATE_LIST = defineList({
  resource: 'certificates',
  sort: {
    id: 'c.id',
    rowNumber: 'c.rowNumber',
    issueDate: 'c.issueDate',
    holderName: 'c.holderName',
    certificateNumber: 'c.certificateNumber',
  },
  defaultSort: { field: 'rowNumber', order: 'ASC' },
  tieBreaker: 'c.id',
  filters: {
    id: { type: 'idList', column: 'c.id' },
    batchId: { type: 'id', column: 'c.batchId' },
    // Normalised and compared below; the ID number only through its blind index.
    certificateNumber: { type: 'text', maxLength: 40 },
    idNumber: { type: 'text', maxLength: 40 },
    status: { type: 'enum', values: ['draft', 'in_review', 'returned', 'published'], column: 'c.status' },
    lookupStatus: { type: 'enum', values: ['visible', 'suspended', 'deleted'], column: 'c.lookupStatus' },
  },
});
