import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '../database/unit-of-work';
import { EntityManager } from 'typeorm';
import {
  ALLOWED_PARENT_LEVELS,
  DomainError,
  isProvinceRegionCode,
  isRegionWithin,
  ORGANISATION_LEVEL_LABELS,
  OrganisationLevel,
  ORGANISATION_LEVELS,
  Role,
  scopeKeepingHistory,
  tryEpochDay,
  validateCreditCode,
} from '@app/domain';
import { Clock } from '../common/clock';
import { Actor, subjectOf } from '../common/actor/actor';
import { badInput, forbidden } from '../common/errors/app-errors';
import { defineList, QueryOf } from '../common/http/list-query';
import { AuditService } from '../audit/audit.service';
import { JurisdictionService } from '../jurisdiction/jurisdiction.service';
import {
  CreateOrganisationDto,
  INSTITUTION_STATUSES,
  ScopeEntryDto,
  UpdateOrganisationDto,
} from './dto/organisation.dto';
import { Organisation } from '../organisations/entities/organisation.entity';
import { OccupationCatalogue } from '../organisations/occupation-catalogue';
import { OrganisationsRepository } from '../organisations/organisations.repository';
import type { OrganisationView as OrganisationViewContract } from '@app/contracts';

/** The organisations API's row: the entity as the shared contract (libs/contracts) declares it, plus its relatives. */
export type OrganisationView = Organisation & OrganisationViewContract<Date>;

export const ORGANISATION_LIST = defineList({
  resource: 'organisations',
  sort: {
    id: 'o.id',
    name: 'o.name',
    level: 'o.level',
    regionCode: 'o.regionCode',
    status: 'o.status',
    registeredAt: 'o.registeredAt',
    createdAt: 'o.createdAt',
  },
  defaultSort: { field: 'id', order: 'ASC' },
  tieBreaker: 'o.id',
  filters: {
    id: { type: 'idList', column: 'o.id' },
    level: { type: 'enumList', values: ORGANISATION_LEVELS, column: 'o.level' },
    status: { type: 'enum', values: INSTITUTION_STATUSES, column: 'o.status' },
    parentId: { type: 'id', column: 'o.parentId' },
    q: { type: 'text', column: ['o.name', 'o.regionCode', 'o.creditCode'], op: 'contains' },
  },
});

/** Which organisation levels each administrator may create below them (R-1, R-3). */
const CREATABLE_LEVELS: Partial<Record<Role, OrganisationLevel[]>> = {
  national_admin: ['provincial', 'municipal', 'institution'],
  provincial_admin: ['municipal', 'institution'],
  municipal_admin: ['institution'],
};

@Injectable()
export class OrganisationsService {
  constructor(
    private readonly organisations: OrganisationsRepository,
    private readonly uow: UnitOfWork,
    private readonly jurisdiction: JurisdictionService,
    private readonly audit: AuditService,
    private readonly catalogue: OccupationCatalogue,
    private readonly clock: Clock,
  ) {}

  async list(
    actor: Actor,
    query: QueryOf<typeof ORGANISATION_LIST>,
  ): Promise<{ rows: OrganisationView[]; total: number }> {
    const { rows, total } = await this.organisations.listPage(query, actor.organisationPath);
    return { rows: await this.withRelatives(rows), total };
  }

  async get(actor: Actor, id: number): Promise<OrganisationView> {
    const organisation = await this.jurisdiction.organisationWithin(actor, id);
    const [view] = await this.withRelatives([organisation]);
    return view;
  }

  async create(actor: Actor, dto: CreateOrganisationDto): Promise<OrganisationView> {
    const creatable = actor.roles.flatMap((r) => CREATABLE_LEVELS[r] ?? []);
    if (!creatable.includes(dto.level)) {
      throw forbidden(`您的角色不能新建${ORGANISATION_LEVEL_LABELS[dto.level]}`);
    }
    const parent = await this.jurisdiction.organisationWithin(actor, dto.parentId, '上级机构');
    if (!ALLOWED_PARENT_LEVELS[dto.level].includes(parent.level)) {
      throw new DomainError(
        'ORGANISATION_PARENT_LEVEL',
        `${ORGANISATION_LEVEL_LABELS[dto.level]}的上级不能是${ORGANISATION_LEVEL_LABELS[parent.level]}`,
      );
    }
    const name = nonBlankName(dto.name);
    assertRegionFits(dto.level, dto.regionCode, parent);
    const fields = this.institutionFields(dto.level, dto, null);
    // R-14: a province chooses its deadline profile; everything below it inherits.
    const deadlineProfile = dto.level === 'provincial' ? (dto.deadlineProfile ?? 'national') : parent.deadlineProfile;
    const id = await this.uow.run(async (manager) => {
      await this.assertCreditCodeFree(manager, fields.creditCode, null);
      const created = await this.organisations.insertChild(manager, parent, {
        level: dto.level,
        regionCode: dto.regionCode,
        name,
        deadlineProfile,
        ...fields,
      });
      if (created.level === 'institution') {
        await this.organisations.recordStatus(
          manager,
          created.id,
          created.status,
          created.registeredAt ?? this.clock.today(),
        );
      }
      await this.audit.record(manager, subjectOf(actor), {
        action: 'organisation.create',
        targetType: 'organisation',
        targetId: created.id,
        after: created,
      });
      return created.id;
    });
    return this.get(actor, id);
  }

  async update(actor: Actor, id: number, dto: UpdateOrganisationDto): Promise<OrganisationView> {
    const current = await this.jurisdiction.organisationWithin(actor, id);
    if (current.id === actor.organisationId && !actor.roles.includes('national_admin')) {
      throw forbidden('不能修改本单位的登记信息，请联系上级机构');
    }
    const canEdit = actor.roles.some((r) => (CREATABLE_LEVELS[r] ?? []).includes(current.level));
    if (!canEdit) throw forbidden(`您的角色不能修改${ORGANISATION_LEVEL_LABELS[current.level]}`);
    if (dto.regionCode != null && dto.regionCode !== current.regionCode) {
      await this.assertRegionChangeFits(current, dto.regionCode);
    }
    const changes: Partial<Organisation> = {
      // A null (react-admin echoes a record's empty fields) is no change, never a value to store.
      ...(dto.name != null ? { name: nonBlankName(dto.name) } : {}),
      ...(dto.regionCode != null ? { regionCode: dto.regionCode } : {}),
      ...this.institutionFields(current.level, dto, current),
    };
    // Certificates already issued are judged against the scope of their issue date (R-8, R-25): an edit narrows the
    // scope from today on, and the past it no longer covers stays as entries ended yesterday.
    if (changes.scope) {
      changes.scope = scopeKeepingHistory(current.scope ?? [], changes.scope, this.clock.today()).scope;
    }
    if (dto.deadlineProfile != null && dto.deadlineProfile !== current.deadlineProfile) {
      if (current.level !== 'provincial') throw badInput('期限规则由所属省份统一设置，下级机构不能单独修改');
      changes.deadlineProfile = dto.deadlineProfile;
    }
    await this.uow.run(async (manager) => {
      await this.assertCreditCodeFree(manager, changes.creditCode ?? null, id);
      await this.organisations.updateVersioned(manager, id, dto.version, changes);
      if (changes.status !== undefined && changes.status !== current.status) {
        await this.organisations.recordStatus(manager, id, changes.status, this.clock.today());
      }
      if (changes.deadlineProfile) {
        await this.organisations.setDeadlineProfileOfSubtree(manager, current.path, changes.deadlineProfile);
      }
      const after = await this.organisations.findByIdOrFail(id, manager);
      await this.audit.record(manager, subjectOf(actor), {
        action: 'organisation.update',
        targetType: 'organisation',
        targetId: id,
        before: current,
        after,
      });
    });
    return this.get(actor, id);
  }

  /** R-2: only institutions carry credit code, kind, status, registration date and scope; checked here. */
  private institutionFields(
    level: OrganisationLevel,
    dto: CreateOrganisationDto | UpdateOrganisationDto,
    current: Organisation | null,
  ): Partial<Organisation> {
    const given = ['creditCode', 'kind', 'status', 'registeredAt', 'scope'].filter(
      (k) => dto[k as keyof typeof dto] !== undefined && dto[k as keyof typeof dto] !== null,
    );
    if (level !== 'institution') {
      if (given.length > 0) throw badInput(`只有评价机构才有这些字段：${given.join('、')}`);
      return {};
    }
    const fields: Partial<Organisation> = {};
    if (dto.creditCode !== undefined) {
      const code = (dto.creditCode ?? '').trim().toUpperCase();
      const check = validateCreditCode(code);
      if (!check.ok) throw new DomainError('INVALID_CREDIT_CODE', `统一社会信用代码无效：${check.reason}`);
      fields.creditCode = code;
    } else if (!current) {
      throw badInput('评价机构必须填写统一社会信用代码');
    }
    if (dto.kind != null) fields.kind = dto.kind;
    else if (!current) throw badInput('评价机构必须选择机构类型');
    if (dto.status != null) fields.status = dto.status;
    if (dto.registeredAt !== undefined && dto.registeredAt !== null) {
      assertRealDate(dto.registeredAt, '备案日期');
      if (dto.registeredAt > this.clock.today()) throw badInput('备案日期不能晚于今天');
    }
    if (dto.registeredAt != null) fields.registeredAt = dto.registeredAt;
    else if (!current) throw badInput('评价机构必须填写备案日期');
    if (dto.scope !== undefined) fields.scope = this.checkedScope(dto.scope ?? []);
    return fields;
  }

  private checkedScope(scope: ScopeEntryDto[]): ScopeEntryDto[] {
    scope.forEach((entry, index) => {
      const where = `第 ${index + 1} 项认定范围`;
      const occupation = this.catalogue.find(entry.occupationCode);
      if (!occupation) throw badInput(`${where}：职业编码 ${entry.occupationCode} 不在职业目录中`);
      if (occupation.name !== entry.occupationName) {
        throw badInput(`${where}：职业编码 ${entry.occupationCode} 对应的职业名称应为「${occupation.name}」`);
      }
      assertRealDate(entry.validFrom, `${where}的有效期起`);
      if (entry.validTo) assertRealDate(entry.validTo, `${where}的有效期止`);
      if (entry.validTo && entry.validTo < entry.validFrom) throw badInput(`${where}：有效期止不能早于有效期起`);
      entry.levels = [...new Set(entry.levels)].sort((a, b) => b - a);
    });
    return scope.map((e) => ({ ...e, validTo: e.validTo ?? null }));
  }

  /** R-1: a changed region code stays inside the parent's region and still contains the children's. */
  private async assertRegionChangeFits(current: Organisation, regionCode: string): Promise<void> {
    const parent = current.parentId === null ? null : await this.organisations.findById(current.parentId);
    if (parent) assertRegionFits(current.level, regionCode, parent);
    else if (current.level === 'national') return;
    const outside = (await this.organisations.findChildren(current.id)).filter(
      (child) => !isRegionWithin(child.regionCode, regionCode),
    );
    if (outside.length) {
      throw new DomainError(
        'ORGANISATION_REGION_MISMATCH',
        `行政区划代码 ${regionCode} 不包含下级机构的区划：${outside.map((c) => `${c.name}（${c.regionCode}）`).join('、')}`,
      );
    }
  }

  private async assertCreditCodeFree(
    manager: EntityManager,
    creditCode: string | null | undefined,
    selfId: number | null,
  ) {
    if (!creditCode) return;
    const other = await this.organisations.findByCreditCode(manager, creditCode);
    if (other && other.id !== selfId) {
      throw new DomainError('DUPLICATE', `统一社会信用代码 ${creditCode} 已被其他机构使用`);
    }
  }

  private async withRelatives(rows: Organisation[]): Promise<OrganisationView[]> {
    if (rows.length === 0) return [];
    const parentName = await this.organisations.namesByIds(
      rows.map((r) => r.parentId).filter((id): id is number => id !== null),
    );
    const childCount = await this.organisations.childCounts(rows.map((r) => r.id));
    return rows.map((r) => ({
      ...r,
      parentName: r.parentId === null ? null : (parentName.get(r.parentId) ?? null),
      childCount: childCount.get(r.id) ?? 0,
    }));
  }
}

function nonBlankName(name: string): string {
  const trimmed = name.trim();
  if (!trimmed) throw badInput('机构名称不能为空');
  return trimmed;
}

/** A real calendar day (2024-02-30 is not), as the DTO's pattern only checks the shape. */
function assertRealDate(value: string, what: string): void {
  if (Number.isNaN(tryEpochDay(value))) throw badInput(`${what}不是有效日期：${value}`);
}

/** R-1: a GB/T 2260 region code equal to or inside the parent's; a province has a province-level code. */
function assertRegionFits(level: OrganisationLevel, regionCode: string, parent: Organisation): void {
  if (level === 'provincial' && !isProvinceRegionCode(regionCode)) {
    throw new DomainError(
      'ORGANISATION_REGION_MISMATCH',
      `省级机构的行政区划代码应为省级代码（如 440000），不能是 ${regionCode}`,
    );
  }
  if (!isRegionWithin(regionCode, parent.regionCode)) {
    throw new DomainError(
      'ORGANISATION_REGION_MISMATCH',
      `行政区划代码 ${regionCode} 不在上级机构「${parent.name}」的区划（${parent.regionCode}）之内`,
    );
  }
}
