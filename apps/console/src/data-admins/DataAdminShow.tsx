import type { ReactNode } from 'react';
import { Box, Divider, Grid, Link, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { Link as RouterLink } from 'react-router-dom';
import { ListButton, Show, TopToolbar, Translate, usePermissions, useRecordContext, useTranslate } from 'react-admin';
import type { DataAdministratorDetail } from '@app/contracts';
import type { Role } from '@app/domain';
import { formatBeijingDateTime } from '../common/dates';
import { LabeledValue } from '../common/LabeledValue';
import { ShowLoadError } from '../common/RecordLoadError';
import { dataAdminActions } from './dataAdminActions';
import { ApproveDataAdminButton, RejectDataAdminButton } from './DataAdminDecisionButtons';
import { DataAdminStatusChip } from './DataAdminFields';
import { MobileField } from './MobileField';

const field = (name: string) => `resources.data-administrators.fields.${name}`;

const Title = () => {
  const record = useRecordContext<DataAdministratorDetail>();
  return record ? (
    <Translate i18nKey="app.data_admins.show_title" options={{ name: record.name, centre: record.organisationName }} />
  ) : (
    <Translate i18nKey="resources.data-administrators.name" />
  );
};

const Actions = () => {
  const record = useRecordContext<DataAdministratorDetail>();
  const { permissions } = usePermissions<Role[]>();
  const can = record ? dataAdminActions(record, permissions ?? []) : null;
  return (
    <TopToolbar>
      {record && can?.approve && <ApproveDataAdminButton record={record} />}
      {record && can?.reject && <RejectDataAdminButton record={record} />}
      <ListButton label="app.data_admins.back_to_list" />
    </TopToolbar>
  );
};

const at = (value: string | null) => (value ? formatBeijingDateTime(value) : '');

/** The 附件2 form as registered, its approval, and the centre's handovers (who, when, from whom). */
const Facts = () => {
  const translate = useTranslate();
  const r = useRecordContext<DataAdministratorDetail>();
  if (!r) return null;
  const cell = (name: keyof DataAdministratorDetail, value?: ReactNode) => (
    <Grid size={{ xs: 6, md: 4 }}>
      <LabeledValue label={field(name)}>{value ?? (r[name] as string | null)}</LabeledValue>
    </Grid>
  );
  return (
    <Box data-testid="data-admin-facts">
      <Grid container spacing={1}>
        {cell('organisationName')}
        {cell('name', translate('app.data_admins.name_with_username', { name: r.name, username: r.username }))}
        {cell('status', <DataAdminStatusChip record={r} />)}
        {cell('position')}
        {cell('officePhone')}
        {cell('mobile', <MobileField record={r} />)}
        {cell('qq')}
        {cell('publicContact')}
        {cell('registeredByName', `${r.registeredByName} · ${at(r.registeredAt)}`)}
        {cell('decidedByName', r.decidedByName ? `${r.decidedByName} · ${at(r.decidedAt)}` : null)}
        {r.rejectReason && cell('rejectReason')}
        {r.predecessorId != null &&
          cell(
            'predecessorName',
            <Link component={RouterLink} to={`/data-administrators/${r.predecessorId}/show`}>
              {r.predecessorName}
            </Link>,
          )}
      </Grid>
      <Divider sx={{ my: 2 }} />
      <Typography variant="subtitle1" gutterBottom>
        {translate('app.data_admins.handovers', { centre: r.organisationName })}
      </Typography>
      {r.handovers.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {translate('app.data_admins.no_handovers')}
        </Typography>
      ) : (
        <Table size="small" data-testid="data-admin-handovers">
          <TableHead>
            <TableRow>
              <TableCell>{translate('app.data_admins.handover.name')}</TableCell>
              <TableCell>{translate('app.data_admins.handover.from')}</TableCell>
              <TableCell>{translate('app.data_admins.handover.at')}</TableCell>
              <TableCell>{translate('app.data_admins.handover.approved_by')}</TableCell>
              <TableCell>{translate('app.data_admins.handover.until')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {r.handovers.map((h) => (
              <TableRow key={h.id}>
                <TableCell>
                  <Link component={RouterLink} to={`/data-administrators/${h.id}/show`}>
                    {h.name}
                  </Link>
                </TableCell>
                <TableCell>{h.predecessorName ?? translate('app.data_admins.handover.first')}</TableCell>
                <TableCell>{at(h.activatedAt)}</TableCell>
                <TableCell>{h.approvedByName}</TableCell>
                <TableCell>{h.replacedAt ? at(h.replacedAt) : translate('app.data_admins.handover.current')}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Box>
  );
};

export const DataAdminShow = () => (
  <Show title={<Title />} actions={<Actions />} redirectOnError={false} error={<ShowLoadError />}>
    <Box sx={{ p: 2 }}>
      <Facts />
    </Box>
  </Show>
);
