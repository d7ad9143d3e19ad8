import type { ReactNode } from 'react';
import { RecordContextProvider } from 'react-admin';

/**
 * A dialog's form starts from its own defaults only. react-admin's Form fills its fields from the record in context:
 * inside a request's page, a 退回原因 input (`reason`) would start with — and could send — the request's own reason.
 */
export const BlankForm = ({ id, children }: { id: number; children: ReactNode }) => (
  <RecordContextProvider value={{ id }}>{children}</RecordContextProvider>
);
