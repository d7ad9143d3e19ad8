import { useDataProvider } from 'react-admin';
import type { DataAdministratorDetail } from '@app/contracts';
import { RevealableValue } from '../common/RevealableValue';
import type { ConsoleDataProvider } from '../providers/dataProvider';

/** The administrator's mobile, masked; 显示完整手机号码 reveals it on this page only (the API audits each view). */
export const MobileField = ({ record }: { record: DataAdministratorDetail }) => {
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  return (
    <RevealableValue
      masked={record.mobile}
      reveal={async () =>
        (await dataProvider.command<{ mobile: string }>('data-administrators', record.id, 'reveal-mobile')).mobile
      }
      label="app.data_admins.reveal_mobile"
      hint="app.data_admins.reveal_mobile_hint"
      testId="data-admin-mobile"
    />
  );
};
