import { createSeededRng, generateResidentId } from '../../../libs/domain/src';
import { fillTemplate, validRow, type SheetRow } from '../../e2e/support/batch-sheets';

export type { SheetRow };

/** A valid row for 广州市白云区粤厨职业培训学校: 中式烹调师 四级/中级工, issued 2026-11-16, a fresh resident ID. */
export function guangzhouRow(seed: number, overrides: Partial<SheetRow> = {}): SheetRow {
  const idNumber = generateResidentId(createSeededRng(seed), {
    regionCode: '440111',
    birthDate: '1990-05-12',
    gender: 1,
  });
  return validRow(seed, {
    证件号码: idNumber,
    出生日期: '1990-05-12',
    性别: '男',
    职业编码: '4-03-02-01',
    职业名称: '中式烹调师',
    职业技能等级: '四级/中级工',
    发证日期: '2026-11-16',
    ...overrides,
  });
}

export async function loginToken(baseUrl: string, username: string, password = 'Demo@2026'): Promise<string> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`login ${username} → ${res.status} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}

/** Downloads the real template (version marker, drop-downs) through the API and fills it with rows. */
export async function buildSheet(
  baseUrl: string,
  token: string,
  rows: SheetRow[],
  kind = 'skill_level',
): Promise<Buffer> {
  const res = await fetch(`${baseUrl}/api/admin/batches/template?kind=${kind}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  if (res.status !== 200) throw new Error(`template download → ${res.status} ${await res.text()}`);
  return fillTemplate(await res.arrayBuffer(), rows);
}

/** Uploads a sheet as the token's user (`POST /api/admin/batches`) and returns the new draft batch. */
export async function uploadSheet(baseUrl: string, token: string, sheet: Buffer, fileName: string) {
  const form = new FormData();
  form.append('kind', 'skill_level');
  form.append('file', new Blob([new Uint8Array(sheet)]), fileName);
  const res = await fetch(`${baseUrl}/api/admin/batches`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  if (res.status !== 201) throw new Error(`upload → ${res.status} ${await res.text()}`);
  return (await res.json()) as { id: number; version: number; recordCount: number };
}
