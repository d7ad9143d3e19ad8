import type { DataProvider, Identifier } from 'react-admin';
import simpleRestProvider from 'ra-data-simple-rest';
import { getJson, httpClient, postJson } from './httpClient';

export const ADMIN_API = '/api/admin';

export interface Occupation {
  code: string;
  name: string;
  levels: number[];
  /** In the 国家职业资格目录: the whole occupation, some of its work types, or none. */
  inQualificationCatalogue: 'yes' | 'partial' | 'no';
}

export interface AuditChainReport {
  ok: boolean;
  checked: number;
  firstBrokenId?: number | string;
  reason?: string;
}

export interface TotpSetup {
  secret: string;
  otpauthUrl: string;
  qrDataUrl: string;
}

/**
 * Beyond CRUD, the console calls explicit endpoints (STYLE.md 9: workflow steps are commands).
 * Pages reach these through useDataProvider() + useMutation, like react-admin's own methods.
 */
export interface ConsoleDataProvider extends DataProvider {
  /**
   * `POST /api/admin/<resource>/<id>/<action>` — the one way to run a workflow step
   * (users: disable, enable, reset-password, unlock; later batches: submit, approve, return …).
   * Pass the `version` the user saw in `body` where the endpoint takes one.
   */
  command<T = unknown>(resource: string, id: Identifier, action: string, body?: object): Promise<T>;
  getOccupations(): Promise<Occupation[]>;
  verifyAuditChain(): Promise<AuditChainReport>;
  changePassword(params: { currentPassword: string; newPassword: string }): Promise<unknown>;
  setupTotp(): Promise<TotpSetup>;
  enableTotp(code: string): Promise<unknown>;
  disableTotp(code: string): Promise<unknown>;
}

const base = simpleRestProvider(ADMIN_API, httpClient);

export const dataProvider: ConsoleDataProvider = {
  ...base,
  command: (resource, id, action, body) =>
    postJson(`${ADMIN_API}/${resource}/${encodeURIComponent(String(id))}/${action}`, body ?? {}),
  getOccupations: () => getJson<Occupation[]>(`${ADMIN_API}/occupations`),
  verifyAuditChain: () => getJson<AuditChainReport>(`${ADMIN_API}/audit-logs/verify`),
  changePassword: (params) => postJson('/api/auth/password', params),
  setupTotp: () => postJson<TotpSetup>('/api/auth/totp/setup', {}),
  enableTotp: (code) => postJson('/api/auth/totp/enable', { code }),
  disableTotp: (code) => postJson('/api/auth/totp/disable', { code }),
};
