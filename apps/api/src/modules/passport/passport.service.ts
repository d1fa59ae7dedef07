import { Injectable } from '@nestjs/common';
import { factoryToday, isoWeekOf, passportPath, TOY_SAFETY_REGULATION } from '@kapok/contracts';
import { randomBytes } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditWriter } from '../../core/audit/audit.writer.js';
import { RequestContext } from '../../core/context/request-context.js';
import { Transactions } from '../../core/database/transactions.js';
import { AppError, notFound } from '../../core/errors/app-error.js';
import { EventPublisher } from '../../core/events/event-publisher.js';
import { readCompany } from '../admin/company.facts.js';
import { passportLabTests } from '../quality/passport-lab-tests.facts.js';
import { readPassportProducts, traceLedger } from '../warehouse/index.js';
import { lotsQuality } from '../warehouse/lots/lot-quality.facts.js';
import { lotsByIds } from '../warehouse/warehouse.facts.js';
import type { PassportIssueResponse, PassportMaterial, PassportResponse } from './dto/passport.dto.js';
import { issuePassport, passportByCode, passportOfLot, type PassportRow } from './passport.sql.js';

const toIssue = (r: PassportRow): PassportIssueResponse => ({
  lotId: r.lot_id,
  code: r.code,
  path: passportPath(r.code),
  issuedAt: r.issued_at.toISOString(),
});

/**
 * Passports of finished-goods batches. A passport is issued once per lot with 128 random bits as
 * its public code; the public answer is built from the lot, the article, the company settings and the
 * lot's backward trace (material fibres), and holds nothing else.
 */
@Injectable()
export class PassportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: Transactions,
    private readonly audit: AuditWriter,
    private readonly events: EventPublisher,
  ) {}

  async ofLot(lotId: string): Promise<PassportIssueResponse> {
    const row = await passportOfLot(this.dataSource.manager, lotId);
    if (!row) throw notFound('passport of lot', lotId);
    return toIssue(row);
  }

  issue(lotId: string): Promise<PassportIssueResponse> {
    return this.tx.run(async (m) => {
      const lot = (await lotsByIds(m, [lotId])).get(lotId);
      if (!lot) throw notFound('lot', lotId);
      const [product] = await readPassportProducts(m, [lot.productId]);
      if (product.type !== 'FINISHED_GOOD')
        throw new AppError(
          409,
          'NOT_FINISHED_GOODS',
          `${product.code} is not a finished good: passports are for finished-goods batches`,
        );
      await this.mustBeReleased(m, lotId);
      return toIssue(await this.issueIn(m, lotId, lot.lotNumber));
    });
  }

  /**
   * A released finished-goods batch gets its passport in the release's own transaction (quality calls
   * this); other lots get none. Idempotent: a lot keeps its first passport.
   */
  async issueOnRelease(m: EntityManager, lotId: string): Promise<PassportIssueResponse | null> {
    const lot = (await lotsByIds(m, [lotId])).get(lotId);
    if (!lot) return null;
    const [product] = await readPassportProducts(m, [lot.productId]);
    if (product?.type !== 'FINISHED_GOOD' || !(await this.isReleased(m, lotId))) return null;
    return toIssue(await this.issueIn(m, lotId, lot.lotNumber));
  }

  private async issueIn(m: EntityManager, lotId: string, lotNumber: string): Promise<PassportRow> {
    const code = randomBytes(16).toString('base64url');
    const { row, created } = await issuePassport(m, lotId, code, RequestContext.principal()?.userId ?? null);
    if (created) {
      await this.audit.record(m, {
        action: 'passport.issued',
        entityType: 'lot',
        entityId: lotId,
        after: { lotNumber },
      });
      await this.events.publish(m, 'passport.issued', [lotId]);
    }
    return row;
  }

  /** The public passport; an unknown code (or a lot no longer released) is 404. */
  async publicPassport(code: string): Promise<PassportResponse> {
    const m = this.dataSource.manager;
    const passport = await passportByCode(m, code);
    if (!passport) throw unknownPassport();
    const lot = (await lotsByIds(m, [passport.lot_id])).get(passport.lot_id)!;
    if (!(await this.isReleased(m, lot.id))) throw unknownPassport();
    const [trace, company, tests] = await Promise.all([
      traceLedger(m, lot.id, 'backward'),
      readCompany(m),
      passportLabTests(m, lot.id),
    ]);
    const materialIds = trace.filter((r) => r.kind === 'lot' && r.depth > 0).map((r) => r.product_id!);
    const products = await readPassportProducts(m, [lot.productId, ...materialIds]);
    const article = products.find((p) => p.id === lot.productId)!;
    const composition: PassportMaterial[] = products
      .filter((p) => p.id !== article.id && p.fibre)
      .map((p) => ({ component: p.name, fibre: p.fibre!, origin: p.fibre_origin }));
    return {
      code: passport.code,
      product: {
        code: article.code,
        name: article.name,
        imageUrl: article.has_image ? `/api/v1/public/passports/${passport.code}/image` : null,
      },
      manufacturer: company
        ? {
            legalName: company.legal_name,
            address: company.address,
            operatorId: company.operator_id,
            contactEmail: company.contact_email,
            contactPhone: company.contact_phone,
            website: company.website,
          }
        : null,
      batch: { lotNumber: lot.lotNumber, productionWeek: isoWeekOf(factoryToday(lot.receivedAt)) },
      hsCode: article.hs_code,
      ageGrade: article.age_grade,
      warnings: article.warnings,
      legislation: [TOY_SAFETY_REGULATION, ...article.legislation.filter((l) => l !== TOY_SAFETY_REGULATION)],
      standards: article.harmonised_standards,
      labTests: tests.map((t) => ({
        type: t.test_type,
        standard: t.standard,
        result: `${Number(t.measured_value)} ${t.unit} — ${t.verdict}`,
        date: factoryToday(t.tested_at),
      })),
      composition,
      issuedAt: passport.issued_at.toISOString(),
    };
  }

  /** The lot's article, for the public image route. */
  async publicProductOf(code: string): Promise<string> {
    const m = this.dataSource.manager;
    const passport = await passportByCode(m, code);
    if (!passport || !(await this.isReleased(m, passport.lot_id))) throw unknownPassport();
    return (await lotsByIds(m, [passport.lot_id])).get(passport.lot_id)!.productId;
  }

  /** Only a RELEASED lot has a public passport (a batch blocked later hides it again). */
  private async isReleased(m: EntityManager, lotId: string): Promise<boolean> {
    const [lot] = await lotsQuality(m, [lotId]);
    return lot?.quality_status === 'RELEASED';
  }

  private async mustBeReleased(m: EntityManager, lotId: string): Promise<void> {
    if (!(await this.isReleased(m, lotId)))
      throw new AppError(409, 'LOT_NOT_RELEASED', 'Only a released batch gets a passport', { lotId });
  }
}

const unknownPassport = () => new AppError(404, 'NOT_FOUND', 'There is no passport with this code');
