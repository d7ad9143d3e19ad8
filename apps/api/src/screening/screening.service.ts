import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  awardKey,
  certificateNumberKey,
  evidenceKey,
  frequentAwards,
  groupsOfTwoOrMore,
  invalidIdentity,
  issuedBeforeRegistration,
  issuedWhileInactive,
  outsideScope,
  SCREENING_RULES,
  underAge,
  volumeSpikes,
  levelText,
  frequentHolderSummary,
  duplicateAwardSummary,
  similarNumberSummary,
  type ScreeningRule,
} from '@app/domain';
import { INSTITUTION_STATUS_LABELS, type InstitutionStatus, type JobCounts } from '@app/contracts';
import { Clock } from '../common/clock';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { FieldCipher } from '../crypto/field-cipher';
import { UnitOfWork } from '../database/unit-of-work';
import type { JobContext } from '../jobs/job-definition';
import {
  InstitutionFacts,
  NewFlag,
  PagedCertificate,
  ScreenedCertificate,
  ScreeningRepository,
} from './screening.repository';

const PAGE = 5000;
/** Flags raised per transaction. */
const RAISE_CHUNK = 100;
/** Certificates listed in a flag's evidence; all of them stay linked in flag_certificates. */
const EVIDENCE_LIST_LIMIT = 50;

export interface ScreeningCounts extends JobCounts {
  /** Certificates read as changed (all, in a full scan). */
  scanned: number;
  /** Findings this run made, raised or not. */
  findings: number;
  /** Flags this run raised. */
  raised: number;
  /** Findings whose evidence was raised before (open, dismissed or suspended): not raised again. */
  known: number;
  full: number;
}

interface Finding {
  rule: ScreeningRule;
  certificates: ScreenedCertificate[];
  figures: Record<string, string | number>;
  summary: string;
  /**
   * All certificates the flag concerns, when more than those listed in `certificates` (volume_spike), or when
   * `certificates` is still to be read (a certificate judged alone).
   */
  allIds?: number[];
}

/**
 * the `screening` job. Reads the certificates that left the draft stage — changed since the watermark, or all
 * with `{ "full": true }` — judges each alone (identity, age, institution scope, status and registration), then
 * judges the groups they belong to with set-based SQL (same holder, same award, folded number, monthly volume), and
 * raises one flag per new evidence fingerprint. Idempotent: re-reading the same rows raises nothing twice.
 */
@Injectable()
export class ScreeningService {
  constructor(
    private readonly repository: ScreeningRepository,
    private readonly cipher: FieldCipher,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async run(context: Pick<JobContext, 'runId' | 'signal' | 'options'>): Promise<ScreeningCounts> {
    const t = this.config.screening;
    const previous = await this.repository.watermark();
    const full = context.options.full === true || previous === null;
    const since = full ? null : new Date(previous.getTime() - t.watermarkOverlapMinutes * 60_000);
    // The next run reads from the newest change this one read (not after this instant, so that a row changed while
    // the run passes is read again), less the overlap.
    const started = await this.repository.databaseNow();
    let newest = full ? null : previous;

    const findings: Finding[] = [];
    /** Findings on a certificate judged alone, named by id until read in full. */
    const alone: Finding[] = [];
    // What an incremental run judges again in groups; a full scan judges every group and keeps none of this.
    const holders = new Set<string>();
    const numberKeys = new Set<string>();
    const institutionIds = new Set<number>();
    const institutions = new Map<number, InstitutionFacts>();
    let scanned = 0;
    // The next page is read while this one is judged (the database works while Node decrypts and judges).
    const read = (afterId: number) => {
      const next = this.repository.page(afterId, PAGE, since);
      next.catch(() => undefined); // awaited below; not an unhandled rejection if this page's work throws first
      return next;
    };
    for (let next = read(0); ;) {
      context.signal.throwIfAborted();
      const page = await next;
      if (page.length === 0) break;
      next = page.length === PAGE ? read(page[page.length - 1].id) : Promise.resolve([]);
      scanned += page.length;
      const missing = [...new Set(page.map((c) => c.institutionId))].filter((id) => !institutions.has(id));
      for (const [id, facts] of await this.repository.institutions(missing)) institutions.set(id, facts);
      const keep: { certificateId: number; numberKey: string }[] = [];
      const drop: number[] = [];
      for (const c of page) {
        alone.push(...this.judgeAlone(c, institutions.get(c.institutionId)));
        const numberKey = certificateNumberKey(c.certificateNumber);
        if (numberKey !== c.certificateNumber) {
          if (c.storedNumberKey !== numberKey) keep.push({ certificateId: c.id, numberKey });
        } else if (c.storedNumberKey !== null) drop.push(c.id);
        if (newest === null || c.updatedAt > newest) newest = c.updatedAt;
        if (full) continue;
        holders.add(c.idNumberHash);
        institutionIds.add(c.institutionId);
        numberKeys.add(numberKey);
      }
      if (keep.length || drop.length) await this.uow.run((m) => this.repository.saveNumberKeys(m, keep, drop));
    }
    // Each certificate judged alone is read in full (names, masked ID number) only when it is in a finding.
    const rows = new Map((await this.repository.byIds(alone.flatMap((f) => f.allIds ?? []))).map((c) => [c.id, c]));
    for (const f of alone) f.certificates = (f.allIds ?? []).flatMap((id) => rows.get(id) ?? []);
    findings.push(...alone);

    if (full || scanned > 0) {
      context.signal.throwIfAborted();
      // Three independent reads: the database runs them side by side.
      const groups = await Promise.all([
        this.judgeHolders(full ? null : [...holders]),
        this.judgeNumbers(full ? null : [...numberKeys]),
        this.judgeVolumes(full ? null : [...institutionIds]),
      ]);
      findings.push(...groups.flat());
    }

    const counts = await this.raise(findings, context.runId);
    const high = newest !== null && newest > started ? started : newest;
    if (high) await this.uow.run((m) => this.repository.setWatermark(m, high));
    return { scanned, findings: findings.length, ...counts, full: full ? 1 : 0 };
  }

  /** The rules on one certificate; its findings name it by id (run() reads the rows of those found). */
  private judgeAlone(c: PagedCertificate, institution: InstitutionFacts | undefined): Finding[] {
    const out: Finding[] = [];
    const one = (rule: ScreeningRule, summary: string, figures: Record<string, string | number> = {}) =>
      out.push({ rule, certificates: [], allIds: [c.id], figures, summary });
    const identity = invalidIdentity({
      idType: c.idType,
      idNumber: this.cipher.decrypt(c.idNumberEnc),
      birthDate: c.birthDate,
      issueDate: c.issueDate,
    });
    if (identity) one('invalid_identity', `证书 ${c.certificateNumber}：${identity}`, { reason: identity });
    else if (underAge(c.birthDate, c.issueDate, this.config.screening.minimumAge)) {
      one('under_age', `证书 ${c.certificateNumber}：出生日期 ${c.birthDate}，发证日期 ${c.issueDate}`, {
        birthDate: c.birthDate,
        issueDate: c.issueDate,
        minimumAge: this.config.screening.minimumAge,
      });
    }
    if (!institution) return out;
    if (outsideScope(institution.scope, c)) {
      one(
        'outside_scope',
        `证书 ${c.certificateNumber}：${c.occupationName}${levelText(c.level)}不在${institution.name}的备案范围内`,
        {
          occupationCode: c.occupationCode,
          level: c.level ?? '',
          issueDate: c.issueDate,
        },
      );
    }
    const inactive = issuedWhileInactive(institution.history, c.issueDate);
    if (inactive) {
      const label = INSTITUTION_STATUS_LABELS[inactive as InstitutionStatus] ?? inactive;
      one(
        'institution_inactive',
        `证书 ${c.certificateNumber}：发证日期 ${c.issueDate} 时${institution.name}处于「${label}」状态`,
        {
          status: inactive,
          issueDate: c.issueDate,
        },
      );
    }
    if (issuedBeforeRegistration(institution.registeredAt, c.issueDate)) {
      one(
        'before_registration',
        `证书 ${c.certificateNumber}：发证日期 ${c.issueDate} 早于${institution.name}的备案日期 ${institution.registeredAt}`,
        {
          registeredAt: institution.registeredAt as string,
          issueDate: c.issueDate,
        },
      );
    }
    return out;
  }

  /** frequent_holder and duplicate_award over every certificate of the holders concerned. */
  private async judgeHolders(hashes: string[] | null): Promise<Finding[]> {
    const { frequentCount, frequentDays } = this.config.screening;
    const candidates = await this.repository.holdersWithAtLeast(hashes, Math.min(2, frequentCount));
    const out: Finding[] = [];
    for (let i = 0; i < candidates.length; i += PAGE) {
      const rows = await this.repository.byHolders(candidates.slice(i, i + PAGE));
      const byHolder = new Map<string, ScreenedCertificate[]>();
      for (const r of rows) byHolder.set(r.idNumberHash, [...(byHolder.get(r.idNumberHash) ?? []), r]);
      for (const certs of byHolder.values()) {
        const frequent = frequentAwards(certs, frequentCount, frequentDays);
        if (frequent.length) {
          out.push({
            rule: 'frequent_holder',
            certificates: frequent,
            figures: { count: frequent.length, threshold: frequentCount, days: frequentDays },
            summary: frequentHolderSummary(frequent[0], {
              count: frequent.length,
              days: frequentDays,
              threshold: frequentCount,
            }),
          });
        }
        for (const group of groupsOfTwoOrMore(certs, awardKey)) {
          out.push({
            rule: 'duplicate_award',
            certificates: group,
            figures: { count: group.length },
            summary: duplicateAwardSummary(group[0], group.length),
          });
        }
      }
    }
    return out;
  }

  /** similar_number: numbers equal once full-width characters, case and spaces are folded. */
  private async judgeNumbers(keys: string[] | null): Promise<Finding[]> {
    const shared = await this.repository.sharedNumberKeys(keys);
    if (shared.length === 0) return [];
    const certs = new Map((await this.repository.byIds(shared.map((s) => s.certificateId))).map((c) => [c.id, c]));
    const groups = new Map<string, ScreenedCertificate[]>();
    for (const s of shared) {
      const c = certs.get(s.certificateId);
      // The database may match a number to a key by its collation (case, width): only the fold itself counts.
      if (!c || certificateNumberKey(c.certificateNumber) !== s.numberKey) continue;
      const group = groups.get(s.numberKey) ?? [];
      if (!group.some((g) => g.id === c.id)) group.push(c);
      groups.set(s.numberKey, group);
    }
    return [...groups.entries()]
      .filter(([, group]) => group.length >= 2)
      .map(([numberKey, group]) => ({
        rule: 'similar_number' as const,
        certificates: group,
        figures: { numberKey },
        summary: similarNumberSummary(
          group.map((c) => c.certificateNumber),
          numberKey,
        ),
      }));
  }

  /** volume_spike: each institution's months against their trailing median. */
  private async judgeVolumes(institutionIds: number[] | null): Promise<Finding[]> {
    const { volumeFactor, volumeTrailingMonths } = this.config.screening;
    const rows = await this.repository.monthlyVolumes(institutionIds);
    const byInstitution = new Map<number, Map<string, number>>();
    for (const r of rows) {
      const months = byInstitution.get(r.institutionId) ?? new Map<string, number>();
      months.set(r.month, r.n);
      byInstitution.set(r.institutionId, months);
    }
    const out: Finding[] = [];
    for (const [institutionId, months] of byInstitution) {
      for (const spike of volumeSpikes(months, volumeFactor, volumeTrailingMonths)) {
        const ids = await this.repository.idsOfMonth(institutionId, spike.month);
        const listed = await this.repository.byIds(ids.slice(0, EVIDENCE_LIST_LIMIT));
        const name = (await this.repository.institutions([institutionId])).get(institutionId)?.name ?? '';
        out.push({
          rule: 'volume_spike',
          certificates: listed,
          allIds: ids,
          figures: {
            institutionId,
            month: spike.month,
            count: spike.count,
            trailingMedian: spike.trailingMedian,
            factor: spike.factor,
          },
          summary: `${name} ${spike.month} 发证 ${spike.count} 本，超过前 ${volumeTrailingMonths} 个月中位数 ${spike.trailingMedian} 的 ${spike.factor} 倍`,
        });
      }
    }
    return out;
  }

  private async raise(findings: Finding[], runId: number): Promise<{ raised: number; known: number }> {
    const flags = new Map<string, NewFlag>();
    for (const f of findings) {
      const ids = f.allIds ?? f.certificates.map((c) => c.id);
      const fingerprint = createHash('sha256')
        .update(evidenceKey(f.rule, ids, f.figures))
        .digest('hex');
      if (flags.has(fingerprint)) continue;
      flags.set(fingerprint, {
        rule: f.rule,
        fingerprint,
        summary: f.summary,
        certificateIds: [...new Set(ids)].sort((a, b) => a - b),
        evidence: JSON.stringify({
          rule: f.rule,
          ruleLabel: SCREENING_RULES[f.rule],
          figures: f.figures,
          certificates: f.certificates.slice(0, EVIDENCE_LIST_LIMIT).map(evidenceRow),
          total: ids.length,
        }),
      });
    }
    const known = await this.repository.knownFingerprints([...flags.keys()]);
    const fresh = [...flags.values()].filter((f) => !known.has(f.fingerprint));
    let raised = 0;
    const now = this.clock.now();
    for (let i = 0; i < fresh.length; i += RAISE_CHUNK) {
      const chunk = fresh.slice(i, i + RAISE_CHUNK);
      raised += await this.uow.run((m) => this.repository.raise(m, chunk, now, runId));
    }
    return { raised, known: flags.size - raised };
  }
}

/** What a flag shows of a certificate: the ID number only masked. */
function evidenceRow(c: ScreenedCertificate) {
  return {
    id: c.id,
    certificateNumber: c.certificateNumber,
    holderName: c.holderName,
    idNumberMasked: c.idNumberMasked,
    institutionId: c.institutionId,
    kind: c.kind,
    occupationCode: c.occupationCode,
    occupationName: c.occupationName,
    level: c.level,
    birthDate: c.birthDate,
    issueDate: c.issueDate,
  };
}
