import { Injectable } from '@nestjs/common';
import { EVIDENCE_CONTENT_TYPES, labTestPasses, type LotQualityStatus } from '@kapok/contracts';
import { DataSource } from 'typeorm';
import { AuditWriter } from '../../core/audit/audit.writer.js';
import type { Principal } from '../../core/context/request-context.js';
import { People } from '../../core/database/people.js';
import { Transactions } from '../../core/database/transactions.js';
import { AppError, notFound, validationFailed } from '../../core/errors/app-error.js';
import { EventPublisher } from '../../core/events/event-publisher.js';
import {
  lockLotQuality,
  lotsQuality,
  qualityProducts,
  setBatchReleaseRequired,
} from '../warehouse/lots/lot-quality.facts.js';
import type {
  CreateLabTestRequest,
  LabTestList,
  LabTestResponse,
  PutTestPlanRequest,
  TestPlanResponse,
} from './dto/quality.dto.js';
import { LotDecisions } from './lot-decisions.js';
import {
  insertLabTest,
  labEvidence,
  type LabTestRow,
  latestVerdicts,
  replaceTestPlan,
  selectLabTests,
  selectTestPlan,
  type TestPlanItemRow,
} from './quality.sql.js';

export interface EvidenceFile {
  buffer: Buffer;
  originalname: string;
}

/** The content type of a file by its first bytes (what it claims is not trusted). */
export function sniffContentType(b: Buffer): (typeof EVIDENCE_CONTENT_TYPES)[number] | null {
  if (b.length >= 5 && b.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (b.length >= 8 && b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return 'image/png';
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  return null;
}

/** Test plans of finished goods, lab results per batch, and the release or block that follows. */
@Injectable()
export class LabTestsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: Transactions,
    private readonly decisions: LotDecisions,
    private readonly audit: AuditWriter,
    private readonly people: People,
    private readonly events: EventPublisher,
  ) {}

  async plan(productId: string): Promise<TestPlanResponse> {
    const product = (await qualityProducts(this.dataSource.manager, [productId])).get(productId);
    if (!product) throw notFound('product', productId);
    return toPlan(product, await selectTestPlan(this.dataSource.manager, productId));
  }

  async putPlan(productId: string, body: PutTestPlanRequest): Promise<TestPlanResponse> {
    const types = body.items.map((i) => i.testType);
    if (new Set(types).size !== types.length)
      throw validationFailed('Each test type appears once in a plan', [
        { field: 'items', messages: ['duplicate testType'] },
      ]);
    return this.tx.run(async (m) => {
      const product = (await qualityProducts(m, [productId])).get(productId);
      if (!product) throw notFound('product', productId);
      if (product.type !== 'FINISHED_GOOD')
        throw validationFailed(`${product.code} is not a finished good; only toys have a test plan`, [
          { field: 'productId', messages: ['must be a finished good'] },
        ]);
      const before = toPlan(product, await selectTestPlan(m, productId, true));
      await replaceTestPlan(m, productId, body.items);
      // New batches of an article with a plan start in quarantine (the warehouse reads this flag).
      await setBatchReleaseRequired(m, productId, body.items.length > 0);
      const after = toPlan(product, await selectTestPlan(m, productId));
      await this.audit.record(m, {
        action: 'test_plan.updated',
        entityType: 'test_plan',
        entityId: productId,
        before: { items: before.items },
        after: { items: after.items },
      });
      await this.events.publish(m, 'test_plan.updated', [productId]);
      return after;
    });
  }

  async list(lotId: string | undefined): Promise<LabTestList> {
    const rows = await selectLabTests(this.dataSource.manager, lotId, 200);
    const items = await this.toResponses(rows);
    return { items, total: items.length };
  }

  /**
   * Records a result against the article's plan: the verdict comes from the plan's limit; every
   * required test passed releases a quarantined batch, a failure blocks it.
   */
  async create(
    body: CreateLabTestRequest,
    file: EvidenceFile | undefined,
    principal: Principal,
  ): Promise<LabTestResponse> {
    let evidence: { buffer: Buffer; contentType: string; name: string } | null = null;
    if (file) {
      const contentType = sniffContentType(file.buffer);
      if (!contentType)
        throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', 'The evidence must be a PDF, PNG or JPEG file', {
          allowed: EVIDENCE_CONTENT_TYPES,
        });
      evidence = { buffer: file.buffer, contentType, name: file.originalname.slice(0, 200) };
    }
    const row = await this.tx.run(async (m) => {
      const lot = await lockLotQuality(m, body.lotId);
      if (!lot) throw notFound('lot', body.lotId);
      const plan = await selectTestPlan(m, lot.product_id);
      if (plan.length === 0)
        throw new AppError(409, 'NO_TEST_PLAN', `${lot.product_code} has no test plan yet`, {
          productId: lot.product_id,
        });
      const item = plan.find((p) => p.test_type === body.testType);
      if (!item)
        throw new AppError(
          422,
          'NOT_IN_TEST_PLAN',
          `${body.testType} is not in the test plan of ${lot.product_code}`,
          {
            required: plan.map((p) => p.test_type),
          },
        );
      if (body.unit !== item.unit)
        throw validationFailed(`The plan measures ${body.testType} in ${item.unit}; give the value in it`, [
          { field: 'unit', messages: [`must be ${item.unit}`] },
        ]);
      const passed = labTestPasses(body.measuredValue, item.limit_kind, Number(item.limit_value));
      const inserted = await insertLabTest(m, {
        lotId: lot.id,
        productId: lot.product_id,
        testType: body.testType,
        measuredValue: body.measuredValue,
        unit: item.unit,
        standard: item.standard,
        lab: body.lab.trim(),
        limitKind: item.limit_kind,
        limitValue: item.limit_value,
        verdict: passed ? 'PASSED' : 'FAILED',
        evidence,
        evidenceUrl: body.evidenceUrl ?? null,
        testedById: principal.userId,
      });
      await this.audit.record(m, {
        action: 'lab_test.recorded',
        entityType: 'lab_test',
        entityId: inserted.id,
        after: {
          lotNumber: lot.lot_number,
          testType: body.testType,
          value: body.measuredValue,
          verdict: inserted.verdict,
        },
      });
      await this.events.publish(m, 'lab_test.recorded', [inserted.id]);
      const auditNote = { labTestId: inserted.id, testType: body.testType };
      if (!passed && (lot.quality_status === 'QUARANTINE' || lot.quality_status === 'RELEASED')) {
        await this.decisions.apply(m, 'fail', lot.id, principal, auditNote);
      } else if (passed && lot.quality_status === 'QUARANTINE') {
        const latest = new Map((await latestVerdicts(m, lot.id)).map((v) => [v.test_type, v.verdict]));
        if (plan.every((p) => latest.get(p.test_type) === 'PASSED'))
          await this.decisions.apply(m, 'pass', lot.id, principal, auditNote);
      }
      return inserted;
    });
    return (await this.toResponses([row]))[0];
  }

  async evidence(id: string): Promise<{ buffer: Buffer; contentType: string; name: string }> {
    const row = await labEvidence(this.dataSource.manager, id);
    if (!row) throw notFound('lab test', id);
    if (!row.evidence) throw new AppError(404, 'NOT_FOUND', 'This lab test has no evidence file');
    return {
      buffer: row.evidence,
      contentType: row.evidence_content_type!,
      name: row.evidence_name ?? 'evidence',
    };
  }

  private async toResponses(rows: LabTestRow[]): Promise<LabTestResponse[]> {
    const who = await this.people.lookup(rows.map((r) => r.tested_by_id));
    const status = new Map<string, LotQualityStatus>(
      (await lotsQuality(this.dataSource.manager, [...new Set(rows.map((r) => r.lot_id))])).map((l) => [
        l.id,
        l.quality_status,
      ]),
    );
    return rows.map((r) => ({
      id: r.id,
      lotId: r.lot_id,
      productId: r.product_id,
      testType: r.test_type,
      measuredValue: Number(r.measured_value),
      unit: r.unit,
      standard: r.standard,
      lab: r.lab,
      limitKind: r.limit_kind,
      limitValue: Number(r.limit_value),
      verdict: r.verdict,
      evidenceName: r.evidence_name,
      evidenceContentType: r.evidence_content_type,
      evidenceSize: r.evidence_size,
      evidenceUrl: r.evidence_url,
      testedByName: who(r.tested_by_id)?.fullName ?? null,
      testedAt: r.tested_at.toISOString(),
      lotStatus: status.get(r.lot_id) ?? 'RELEASED',
    }));
  }
}

function toPlan(
  product: { id: string; code: string; name: string },
  items: TestPlanItemRow[],
): TestPlanResponse {
  return {
    productId: product.id,
    productCode: product.code,
    productName: product.name,
    items: items.map((i) => ({
      testType: i.test_type,
      standard: i.standard,
      unit: i.unit,
      limitKind: i.limit_kind,
      limitValue: Number(i.limit_value),
    })),
  };
}
