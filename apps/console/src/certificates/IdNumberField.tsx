import { useDataProvider, usePermissions, useRecordContext } from 'react-admin';
import { hasPermission, type Role } from '@app/domain';
import type { CertificateRecord } from '@app/contracts';
import { RevealableValue } from '../common/RevealableValue';
import type { ConsoleDataProvider } from '../providers/dataProvider';

/** the ID number masked; 显示完整证件号码 reveals it for this row only (the API audits each view). */
export const IdNumberField = () => {
  const record = useRecordContext<CertificateRecord>();
  const { permissions } = usePermissions<Role[]>();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  if (!record) return null;
  return (
    <RevealableValue
      masked={record.idNumberMasked}
      reveal={async () =>
        (await dataProvider.command<{ idNumber: string }>('certificates', record.id, 'reveal-id')).idNumber
      }
      label="app.certificates.reveal_id"
      hint="app.certificates.reveal_id_hint"
      testId="id-number"
      canReveal={hasPermission(permissions ?? [], 'certificates.unmask')}
    />
  );
};
