import { Injectable } from '@nestjs/common';
import type { QualityPeriod } from '@app/domain';
import type { QualityFigure } from '@app/contracts';
import type { ByInstitution } from './quality-report.repository';

/** A feature's figure per institution for a subtree and a period. */
export type QualityFigureSource = (subtreePath: string, period: QualityPeriod) => Promise<ByInstitution>;

/**
 * Figures owned by features the report does not import (complaints): each registers its counting function when its
 * module starts. A figure nobody registered has no source in this installation and is reported as such (null).
 */
@Injectable()
export class QualityReportSources {
  private readonly sources = new Map<QualityFigure, QualityFigureSource>();

  register(figure: QualityFigure, source: QualityFigureSource): void {
    this.sources.set(figure, source);
  }

  async figure(figure: QualityFigure, subtreePath: string, period: QualityPeriod): Promise<ByInstitution | null> {
    const source = this.sources.get(figure);
    return source ? source(subtreePath, period) : null;
  }
}
