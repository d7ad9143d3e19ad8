import { useState } from 'react';
import { Alert } from '@mui/material';
import EditIcon from '@mui/icons-material/Edit';
import EditNoteIcon from '@mui/icons-material/EditNote';
import DeleteIcon from '@mui/icons-material/DeleteForeverOutlined';
import LockOpenIcon from '@mui/icons-material/LockOpen';
import HistoryEduIcon from '@mui/icons-material/HistoryEdu';
import { useMutation } from '@tanstack/react-query';
import { Link as RouterLink } from 'react-router-dom';
import { Button, useDataProvider, useGetOne, useNotify, usePermissions, useRefresh, useTranslate } from 'react-admin';
import { hasPermission, type Role } from '@app/domain';
import type { BatchView, CertificateRecord, OrganisationView } from '@app/contracts';
import { EditRecordDialog } from '../certificates/EditRecordDialog';
import { FormDialog } from '../common/FormDialog';
import { CorrectionReasonInput } from './CorrectionFormParts';
import { BlankForm } from './BlankForm';
import type { ConsoleDataProvider } from '../providers/dataProvider';
import { certificateRequestButtons } from './correctionActions';

const requestLink = (certificateId: number, type: 'modify' | 'delete') =>
  `/corrections/create?${new URLSearchParams({ certificateId: String(certificateId), type })}`;

/** the provincial centre records why one more modification of this certificate is allowed. */
const OverrideButton = ({ certificate }: { certificate: CertificateRecord }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const [open, setOpen] = useState(false);
  const { mutate, isPending } = useMutation({
    mutationFn: (reason: string) => dataProvider.recordCorrectionOverride({ certificateId: certificate.id, reason }),
    onSuccess: () => {
      notify('app.corrections.override.done', {
        type: 'success',
        messageArgs: { number: certificate.certificateNumber },
      });
      setOpen(false);
      refresh();
    },
    onError: (error: Error) => notify(error.message, { type: 'error' }),
  });
  return (
    <>
      <Button label="app.corrections.override.button" onClick={() => setOpen(true)}>
        <LockOpenIcon />
      </Button>
      {open && (
        <BlankForm id={certificate.id}>
          <FormDialog
            open
            title={translate('app.corrections.override.title', { number: certificate.certificateNumber })}
            submitLabel="app.corrections.override.submit"
            submitIcon={<LockOpenIcon />}
            pending={isPending}
            onSubmit={(values) => mutate(typeof values.reason === 'string' ? values.reason.trim() : '')}
            onClose={() => setOpen(false)}
          >
            <Alert severity="info" sx={{ mb: 2 }}>
              {translate('app.corrections.override.explanation')}
            </Alert>
            <CorrectionReasonInput label="app.corrections.override.reason" />
          </FormDialog>
        </BlankForm>
      )}
    </>
  );
};

/**
 * The certificate page's correction buttons: 修改 in place for drafts and returned batches, 申请修改 (the
 * issuing institution, or the parent centre of a dissolved one, R-44), 申请删除 (the province, published data, R-23),
 * 登记再次修改, and this certificate's requests.
 */
export const CertificateRequestButtons = ({ certificate }: { certificate: CertificateRecord }) => {
  const { permissions } = usePermissions<Role[]>();
  const roles = permissions ?? [];
  const [editing, setEditing] = useState(false);
  // Only a centre needs to know whether the institution is dissolved.
  const centre = roles.includes('municipal_admin') || roles.includes('provincial_admin');
  const { data: batch } = useGetOne<BatchView>('batches', { id: certificate.batchId }, { enabled: centre });
  const { data: institution } = useGetOne<OrganisationView>(
    'organisations',
    { id: batch?.institutionId ?? 0 },
    { enabled: centre && batch != null },
  );
  const can = certificateRequestButtons(roles, certificate.status, institution?.status, certificate.lookupStatus);
  const listLink = `/corrections?${new URLSearchParams({ filter: JSON.stringify({ certificateId: certificate.id }) })}`;
  return (
    <>
      {can.edit && (
        <Button label="app.corrections.direct_edit.button" onClick={() => setEditing(true)}>
          <EditIcon />
        </Button>
      )}
      {editing && <EditRecordDialog record={certificate} onClose={() => setEditing(false)} />}
      {can.modify && (
        <Button
          component={RouterLink}
          to={requestLink(certificate.id, 'modify')}
          label="app.corrections.request_modify"
          data-testid="request-modify"
        >
          <EditNoteIcon />
        </Button>
      )}
      {can.delete && (
        <Button
          component={RouterLink}
          to={requestLink(certificate.id, 'delete')}
          label="app.corrections.request_delete"
          color="error"
          data-testid="request-delete"
        >
          <DeleteIcon />
        </Button>
      )}
      {can.override && <OverrideButton certificate={certificate} />}
      {hasPermission(roles, 'corrections.read') && certificate.status !== 'draft' && (
        <Button component={RouterLink} to={listLink} label="app.corrections.of_certificate">
          <HistoryEduIcon />
        </Button>
      )}
    </>
  );
};
