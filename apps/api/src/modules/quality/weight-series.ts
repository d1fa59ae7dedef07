import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { notFound } from '../../core/errors/app-error.js';
import { qualityProducts } from '../warehouse/lots/lot-quality.facts.js';
import type { WeightSeriesResponse } from './dto/quality.dto.js';
import { weightSeries } from './quality.sql.js';

/** The weight chart of an article: each check's mean, min and max against the limits of its day. */
@Injectable()
export class WeightSeries {
  constructor(private readonly dataSource: DataSource) {}

  async series(productId: string, limit: number): Promise<WeightSeriesResponse> {
    const m = this.dataSource.manager;
    const product = (await qualityProducts(m, [productId])).get(productId);
    if (!product) throw notFound('product', productId);
    const rows = await weightSeries(m, productId, limit);
    return {
      productId,
      standardWeightGrams:
        product.standard_weight_grams === null ? null : Number(product.standard_weight_grams),
      weightToleranceGrams:
        product.weight_tolerance_grams === null ? null : Number(product.weight_tolerance_grams),
      points: rows.map((r) => ({
        inspectionId: r.id,
        inspectedAt: r.inspected_at.toISOString(),
        workOrderId: r.work_order_id,
        meanGrams: Number(r.mean_grams),
        minGrams: Number(r.min_grams),
        maxGrams: Number(r.max_grams),
        lowerLimitGrams: Number(r.standard_grams) - Number(r.tolerance_grams),
        upperLimitGrams: Number(r.standard_grams) + Number(r.tolerance_grams),
        outOfTolerance: r.out_of_tolerance,
        sampleSize: r.sample_size,
      })),
    };
  }
}
