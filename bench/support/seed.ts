// Database contents benchmarks start from: the demo organisations, accounts and certificates (what a fresh
// install shows), plus — for imports — an institution whose registered scope matches generated rows.
import '../../apps/api/src/register-paths';
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import type { Role } from '../../libs/domain/src';
import { hashPassword } from '../../apps/api/src/crypto/password-hasher';
import { Clock } from '../../apps/api/src/common/clock';
import { loadConfig } from '../../apps/api/src/config/app-config';
import { FieldCipher } from '../../apps/api/src/crypto/field-cipher';
import { resolveDataSourceOptions } from '../../apps/api/src/composition/data-source';
import { loadDemoData } from '../../apps/api/src/seeds/demo-data';
import { DEMO_PASSWORD } from '../../apps/api/src/seeds/demo-organisations';
import { Organisation } from '../../apps/api/src/organisations/entities/organisation.entity';
import { User } from '../../apps/api/src/users/entities/user.entity';
import type { GeneratedInstitution } from '../data/generate';

export { DEMO_PASSWORD };

export async function openDataSource(url: string): Promise<DataSource> {
  return new DataSource(await resolveDataSourceOptions(url)).initialize();
}

/** The demo data with dates relative to `today`, through the app's own loader. */
export async function seedDemo(dataSource: DataSource, url: string, today: string): Promise<void> {
  const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: url });
  await loadDemoData(dataSource, {
    today,
    clock: new Clock(config),
    cipher: new FieldCipher(config),
    onlyIfEmpty: false,
  });
}

const KIND: Record<GeneratedInstitution['institutionKind'], 'employer' | 'technical_school' | 'social_training'> = {
  用人单位: 'employer',
  技工院校: 'technical_school',
  社会培训评价组织: 'social_training',
};

/**
 * A generated institution (bench/data/generate.ts: credit code, registration date, scope) under the named
 * centre, and an institution_operator account for it. Returns the account's username and the organisation id.
 */
export async function addGeneratedInstitution(
  dataSource: DataSource,
  institution: GeneratedInstitution,
  parentName: string,
  username: string,
): Promise<{ organisationId: number; username: string; password: string }> {
  const organisations = dataSource.getRepository(Organisation);
  const parent = await organisations.findOneByOrFail({ name: parentName });
  const inserted = await organisations.insert({
    level: 'institution',
    parentId: parent.id,
    regionCode: institution.cityCode,
    name: institution.name,
    deadlineProfile: parent.deadlineProfile,
    creditCode: institution.creditCode,
    kind: KIND[institution.institutionKind],
    registeredAt: institution.registeredAt,
    scope: institution.scope.map((s) => ({ ...s, levels: [...s.levels] })),
    status: 'active',
  });
  const id = Number(inserted.identifiers[0].id);
  await organisations.update({ id }, { path: `${parent.path}${id}/`, version: () => 'version' });
  await dataSource.getRepository(User).insert({
    username,
    displayName: `基准测试操作员（${institution.name}）`,
    roles: ['institution_operator'] as Role[],
    organisationId: id,
    passwordHash: await hashPassword(DEMO_PASSWORD),
  });
  return { organisationId: id, username, password: DEMO_PASSWORD };
}
