import { Typography } from '@mui/material';
import { DataTable, FilterButton, List, TopToolbar, useTranslate } from 'react-admin';
import type { FlagRow } from '@app/contracts';
import { BeijingDateTimeField } from '../common/fields';
import { formatBeijingDateTime } from '../common/dates';
import { flagFilters } from './flagFilters';
import { FlagRuleOverview } from './FlagRuleOverview';
import { FlagStatusChip } from './FlagStatusChip';
import { numbersPreview } from './flagDisplay';

const ListActions = () => (
  <TopToolbar>
    <FilterButton />
  </TopToolbar>
);

const CertificatesCell = ({ flag }: { flag: FlagRow }) => {
  const translate = useTranslate();
  const { listed, more } = numbersPreview(flag.certificateNumbers, flag.certificateCount);
  return (
    <>
      {listed.map((number) => (
        <div key={number} style={{ whiteSpace: 'nowrap' }}>
          {number}
        </div>
      ))}
      {more > 0 && (
        <Typography variant="caption" sx={{ color: 'text.secondary' }}>
          {translate('app.flags.more_certificates', { count: flag.certificateCount })}
        </Typography>
      )}
    </>
  );
};

const DecisionCell = ({ flag }: { flag: FlagRow }) =>
  flag.decidedAt ? (
    <>
      <div>{flag.decidedByName}</div>
      <Typography variant="caption" sx={{ color: 'text.secondary', whiteSpace: 'nowrap' }}>
        {formatBeijingDateTime(flag.decidedAt)}
      </Typography>
    </>
  ) : null;

const wrap = { whiteSpace: 'normal', overflowWrap: 'anywhere' } as const;

/**
 * 疑似问题: the screening's flags by rule, then the list; waiting flags first by default. A row opens
 * the flag with its evidence and the decisions.
 */
export const FlagList = () => (
  <List
    title="app.menu.flags"
    filters={flagFilters}
    filterDefaultValues={{ status: 'open' }}
    sort={{ field: 'raisedAt', order: 'DESC' }}
    perPage={25}
    exporter={false}
    actions={<ListActions />}
    empty={false}
  >
    <FlagRuleOverview />
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="id" render={(flag: FlagRow) => `#${flag.id}`} />
      <DataTable.Col source="ruleLabel" disableSort sx={{ ...wrap, minWidth: '8em', maxWidth: '12em' }} />
      <DataTable.Col source="status" field={FlagStatusChip} />
      <DataTable.Col source="summary" disableSort sx={{ ...wrap, minWidth: '16em', maxWidth: '30em' }} />
      <DataTable.Col
        source="certificateNumbers"
        disableSort
        render={(flag: FlagRow) => <CertificatesCell flag={flag} />}
      />
      <DataTable.Col
        source="institutionNames"
        disableSort
        render={(flag: FlagRow) => flag.institutionNames.join('、')}
        sx={{ ...wrap, minWidth: '8em', maxWidth: '14em' }}
      />
      <DataTable.Col source="raisedAt" field={BeijingDateTimeField} sx={{ whiteSpace: 'nowrap' }} />
      <DataTable.Col source="decidedAt" render={(flag: FlagRow) => <DecisionCell flag={flag} />} />
    </DataTable>
  </List>
);
