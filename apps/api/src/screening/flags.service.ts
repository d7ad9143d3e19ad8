import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DomainError, SCREENING_RULE_CODES, SCREENING_RULES, summaryWithin } from '@app/domain';
import {
  CERTIFICATE_STATUS_LABELS,
  FLAG_FIGURE_LABELS,
  FLAG_STATUS_LABELS,
  LOOKUP_STATUS_LABELS,
  type FlagCertificate,
  type FlagDetail,
  type FlagRow,
  type FlagRuleCount,
  type FlagStatus,
  type RecheckCounts,
} from '@app/contracts';
import { Actor, subjectOf } from '../common/actor/actor';
import { Clock } from '../common/clock';
import { notFound } from '../common/errors/app-errors';
import type { QueryOf } from '../common/http/list-query';
import { AuditService } from '../audit/audit.service';
import type { ListScope } from '../certificates/certificates.repository';
import { UnitOfWork } from '../database/unit-of-work';
import { JurisdictionService } from '../jurisdiction/jurisdiction.service';
import { OrganisationsRepository } from '../organisations/organisations.repository';
import { Flag } from './entities/flag.entity';
import type { FLAG_LIST } from './flag-list';
import { FlagsRepository, LinkedCertificateRow } from './flags.repository';

/** Certificates a flag lists (a row and the detail); a volume_spike can concern thousands, all stay linked. */
export const LISTED_CERTIFICATES = 50;

const DECIDED_MESSAGES: Record<Exclude<FlagStatus, 'open'>, string> = {
  dismissed: '该疑似问题已排除，不能再处理',
  suspended: '该疑似问题的证书已暂停查询，不能再排除',
};

/** What the figures of a flag's evidence hold (the job writes them, libs/contracts names their keys). */
interface StoredEvidence {
  figures?: Record<string, string | number>;
}

/**
 * the flags the screening job raised, as national and the centres read them, and national's dismissal.
 * Jurisdiction: a flag is within a subtree when any of its certificates is; a row or detail lists only the
 * certificates within the caller's subtree (a provincial centre does not see another province's records through a
 * flag that concerns both), while `certificateCount` stays the flag's own.
 */
@Injectable()
export class FlagsService {
  constructor(
    private readonly flags: FlagsRepository,
    private readonly organisations: OrganisationsRepository,
    private readonly jurisdiction: JurisdictionService,
    private readonly audit: AuditService,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async list(actor: Actor, query: QueryOf<typeof FLAG_LIST>): Promise<{ rows: FlagRow[]; total: number }> {
    const narrower: ListScope[] = [];
    const { organisationId, certificateId } = query.filter;
    if (organisationId !== undefined) {
      const region = await this.organisations.findById(organisationId);
      narrower.push(
        region
          ? (qb, path) => this.jurisdiction.restrictList(qb, path, { ...actor, organisationPath: region.path })
          : (qb) => void qb.andWhere('1 = 0'),
      );
    }
    const { rows, total } = await this.flags.listPage(query, this.scopeOf(actor), narrower, certificateId);
    return { rows: await this.rows(actor, rows), total };
  }

  /** Counts per rule within the caller's jurisdiction; every rule is listed, also at 0. */
  async summary(actor: Actor): Promise<FlagRuleCount[]> {
    const counts = await this.flags.countByRuleAndStatus(this.scopeOf(actor));
    return SCREENING_RULE_CODES.map((rule) => {
      const of = (status: FlagStatus) => counts.find((c) => c.rule === rule && c.status === status)?.n ?? 0;
      return {
        rule,
        ruleLabel: SCREENING_RULES[rule],
        open: of('open'),
        dismissed: of('dismissed'),
        suspended: of('suspended'),
      };
    });
  }

  async get(actor: Actor, id: number): Promise<FlagDetail> {
    const flag = await this.within(actor, id);
    const [row] = await this.rows(actor, [flag]);
    const figures = evidenceOf(flag).figures ?? {};
    const certificates = (await this.flags.linkedCertificates(id, this.scopeOf(actor), LISTED_CERTIFICATES)).map(
      certificateView,
    );
    return {
      ...row,
      figures,
      figureLabels: Object.fromEntries(Object.keys(figures).map((key) => [key, FLAG_FIGURE_LABELS[key] ?? key])),
      certificates,
      unlisted: Math.max(0, flag.certificateCount - certificates.length),
    };
  }

  /** The flag, or 404 when none of its certificates lies in the caller's subtree. */
  async within(actor: Actor, id: number, manager?: EntityManager): Promise<Flag> {
    const flag = await this.flags.findById(id, manager);
    if (!flag || !(await this.flags.isWithin(id, this.scopeOf(actor)))) throw notFound('疑似问题');
    return flag;
  }

  /** national finds the flag is no problem; a dismissed flag stays dismissed (its fingerprint is never raised again). */
  async dismiss(actor: Actor, id: number, reason: string): Promise<FlagRow> {
    const flag = await this.within(actor, id);
    await this.uow.run(async (manager) => {
      const decision = { status: 'dismissed' as const, decidedAt: this.clock.now(), decidedById: actor.userId };
      if (!(await this.flags.decide(manager, id, ['open'], { ...decision, decisionReason: reason }))) {
        throw await this.alreadyDecided(id, manager);
      }
      await this.audit.record(manager, subjectOf(actor), {
        action: 'flag.dismiss',
        targetType: 'flag',
        targetId: id,
        before: { status: 'open', version: flag.version },
        after: { status: 'dismissed', reason, version: flag.version + 1 },
        detail: `排除疑似问题（${SCREENING_RULES[flag.rule]}）：${reason}`,
      });
    });
    return (await this.rows(actor, [(await this.flags.findById(id))!]))[0];
  }

  /**
   * the flag for which national suspended certificates becomes `suspended` with the decision (the first one
   * counts: a flag already suspended stays as it was). Inside the suspension's transaction; a dismissed flag → 409.
   */
  async markSuspended(manager: EntityManager, actor: Actor, flag: Flag, reason: string): Promise<void> {
    if (flag.status === 'suspended') return;
    const decision = { status: 'suspended' as const, decidedAt: this.clock.now(), decidedById: actor.userId };
    if (!(await this.flags.decide(manager, flag.id, ['open'], { ...decision, decisionReason: reason }))) {
      const now = await this.flags.findById(flag.id, manager);
      if (now?.status === 'suspended') return;
      throw await this.alreadyDecided(flag.id, manager);
    }
    await this.audit.record(manager, subjectOf(actor), {
      action: 'flag.suspend',
      targetType: 'flag',
      targetId: flag.id,
      before: { status: 'open', version: flag.version },
      after: { status: 'suspended', reason, version: flag.version + 1 },
      detail: `按疑似问题暂停证书查询（${SCREENING_RULES[flag.rule]}）：${reason}`,
    });
  }

  /** Refuses a decision on a flag that is not open: 409 with what became of it. */
  async refuseUnlessOpen(flag: Flag, allowSuspended = false): Promise<void> {
    if (flag.status === 'open' || (allowSuspended && flag.status === 'suspended')) return;
    throw await this.alreadyDecided(flag.id);
  }

  /**
   * Flags as rows: each with the certificates of it within the caller's jurisdiction (at most 50) and the decider.
   * A caller who does not see all of a flag's certificates reads a summary written from those they see.
   */
  async rows(actor: Actor, flags: Flag[]): Promise<FlagRow[]> {
    const scope = this.scopeOf(actor);
    const ids = flags.map((f) => f.id);
    const [linked, rechecks] = await Promise.all([
      this.flags.listedCertificates(ids, scope, LISTED_CERTIFICATES),
      this.flags.recheckCounts(ids, scope),
    ]);
    const names = await this.flags.staffNames(flags.flatMap((f) => (f.decidedById === null ? [] : [f.decidedById])));
    return flags.map((flag) => {
      const listed = linked.get(flag.id);
      const certificates = listed?.certificates ?? [];
      const visible = listed?.visibleCount ?? 0;
      const counts = rechecks.get(flag.id) ?? { open: 0, restored: 0, confirmed: 0 };
      const scopedSummary =
        visible < flag.certificateCount
          ? summaryWithin(flag.rule, evidenceOf(flag).figures ?? {}, certificates, flag.certificateCount - visible)
          : null;
      return {
        id: flag.id,
        rule: flag.rule,
        ruleLabel: SCREENING_RULES[flag.rule],
        status: flag.status,
        statusLabel: flagStatusLabel(flag.status, counts),
        summary: scopedSummary ?? flag.summary,
        certificateCount: flag.certificateCount,
        certificateIds: certificates.map((c) => c.id),
        certificateNumbers: certificates.map((c) => c.certificateNumber),
        institutionNames: [...new Set(certificates.map((c) => c.institutionName))],
        raisedAt: flag.raisedAt.toISOString(),
        decidedAt: flag.decidedAt ? flag.decidedAt.toISOString() : null,
        decidedByName: flag.decidedById === null ? null : (names.get(flag.decidedById)?.displayName ?? null),
        decisionReason: flag.decisionReason,
        rechecks: counts,
        version: flag.version,
      };
    });
  }

  private scopeOf(actor: Actor): ListScope {
    return (qb, path) => this.jurisdiction.restrictList(qb, path, actor);
  }

  private async alreadyDecided(id: number, manager?: EntityManager): Promise<DomainError> {
    const status = (await this.flags.findById(id, manager))?.status;
    const message = status && status !== 'open' ? DECIDED_MESSAGES[status] : undefined;
    return new DomainError('FLAG_ALREADY_DECIDED', message ?? '该疑似问题已处理，请刷新后查看', { status });
  }
}

/**
 * a suspended flag says whether the province is still re-checking its certificates or has decided them all —
 * restored ones are found again, so 已暂停查询 alone would no longer be true.
 */
function flagStatusLabel(status: FlagStatus, rechecks: RecheckCounts): string {
  if (status !== 'suspended') return FLAG_STATUS_LABELS[status];
  if (rechecks.open > 0) return `${FLAG_STATUS_LABELS.suspended} · 复核中`;
  if (rechecks.restored + rechecks.confirmed > 0) return `${FLAG_STATUS_LABELS.suspended} · 复核完毕`;
  return FLAG_STATUS_LABELS.suspended;
}

function evidenceOf(flag: Flag): StoredEvidence {
  return JSON.parse(flag.evidence) as StoredEvidence;
}

function certificateView(c: LinkedCertificateRow): FlagCertificate {
  return {
    ...c,
    statusLabel: CERTIFICATE_STATUS_LABELS[c.status] ?? c.status,
    lookupStatusLabel: c.lookupStatus ? LOOKUP_STATUS_LABELS[c.lookupStatus] : null,
  };
}
