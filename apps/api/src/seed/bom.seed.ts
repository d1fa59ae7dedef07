import type { Department, Unit, VariantType } from '@kapok/contracts';
import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { BomService } from '../modules/bom/bom.service.js';

/** [component code, quantity, unit?, wastage %?, variants?] per `outputQuantity` units. */
type Line = [string, number, Unit?, number?, Array<[string, VariantType]>?];
interface Stage {
  suffix: 'WIP_CUTTING' | 'WIP_EMBO' | 'WIP_SKIN' | 'WIP_BONEKA' | 'WIP_PACKING' | 'FG';
  department: Department;
  label: string;
  outputQuantity?: number;
  lines: Line[];
}
interface Article {
  code: string;
  name: string;
  stages: Stage[];
}

const FABRIC_WASTE = 5;

/** Packing per pallet: 8 cartons of `perCarton`, one pallet, one pad, one ULL sticker. */
const packing = (perCarton: number): Stage => ({
  suffix: 'WIP_PACKING',
  department: 'PACKING',
  label: 'packed in master cartons',
  outputQuantity: perCarton * 8,
  lines: [
    ['WIP_BONEKA', perCarton * 8],
    ['ACB30104', 8],
    ['ALS40012', 8],
    ['ACB30121', 1],
    ['ACB30132', 1],
    ['AUL20220', 1],
    ['PKG-PB-3040', perCarton * 8],
  ],
});

/** The five demo articles and their WIP chains (AFTONSPARV from the original system's SPK figures). */
export const DEMO_BOMS: Article[] = [
  {
    code: '40551542',
    name: 'AFTONSPARV',
    stages: [
      {
        suffix: 'WIP_CUTTING',
        department: 'CUTTING',
        label: 'cut parts (body and suit)',
        lines: [
          ['IKHR504', 0.1005, 'YARD', FABRIC_WASTE],
          ['IJBR105', 0.0094, 'YARD', FABRIC_WASTE],
          ['INYR002', 0.001, 'YARD', FABRIC_WASTE],
          ['INYR001', 0.0044, 'YARD', FABRIC_WASTE],
          ['IPPR351', 0.0417, 'YARD', FABRIC_WASTE],
          ['IPR301', 0.151, 'YARD', FABRIC_WASTE, [['IVBR211', 'ALTERNATIVE']]],
        ],
      },
      {
        suffix: 'WIP_EMBO',
        department: 'EMBROIDERY',
        label: 'embroidered face',
        lines: [
          ['WIP_CUTTING', 1],
          ['THR-2120-B2285', 0.8, 'METER'],
        ],
      },
      {
        suffix: 'WIP_SKIN',
        department: 'SEWING',
        label: 'sewn skin',
        lines: [
          ['WIP_EMBO', 1],
          ['ALL40030', 1],
          ['THR-5080-UB103', 5.9, 'CM'],
        ],
      },
      {
        suffix: 'WIP_BONEKA',
        department: 'FINISHING',
        label: 'stuffed doll',
        lines: [
          ['WIP_SKIN', 1],
          ['IKP20157', 0.054, 'KG', 0, [['IKP20160', 'ALTERNATIVE']]],
          ['THR-5180-QA101', 0.6, 'METER'],
          ['ALB40011', 1],
        ],
      },
      packing(60),
      { suffix: 'FG', department: 'PACKING', label: '', lines: [['WIP_PACKING', 1]] },
    ],
  },
  {
    code: '40551543',
    name: 'BLAHAJ',
    stages: [
      {
        suffix: 'WIP_CUTTING',
        department: 'CUTTING',
        label: 'cut parts',
        lines: [
          ['IVBR210', 0.62, 'YARD', FABRIC_WASTE],
          ['IVBR211', 0.35, 'YARD', FABRIC_WASTE],
        ],
      },
      {
        suffix: 'WIP_SKIN',
        department: 'SEWING',
        label: 'sewn skin',
        lines: [
          ['WIP_CUTTING', 1],
          ['ALL40030', 1],
          ['THR-5080-UB103', 45, 'CM'],
        ],
      },
      {
        suffix: 'WIP_BONEKA',
        department: 'FINISHING',
        label: 'stuffed doll',
        lines: [
          ['WIP_SKIN', 1],
          ['IKP20157', 0.42, 'KG', 0, [['IKP20158', 'ALTERNATIVE']]],
          ['THR-5180-QA101', 1.5, 'METER'],
          ['ALB40011', 1],
        ],
      },
      packing(12),
      { suffix: 'FG', department: 'PACKING', label: '', lines: [['WIP_PACKING', 1]] },
    ],
  },
  {
    code: '40551544',
    name: 'KRAMIG',
    stages: [
      {
        suffix: 'WIP_CUTTING',
        department: 'CUTTING',
        label: 'cut parts',
        lines: [
          ['IMNK402', 0.28, 'YARD', FABRIC_WASTE],
          ['IMNK403', 0.12, 'YARD', FABRIC_WASTE],
          ['IVBR211', 0.05, 'YARD', FABRIC_WASTE],
        ],
      },
      {
        suffix: 'WIP_EMBO',
        department: 'EMBROIDERY',
        label: 'embroidered stripes',
        lines: [
          ['WIP_CUTTING', 1],
          ['THR-2120-B3167', 0.5, 'METER'],
        ],
      },
      {
        suffix: 'WIP_SKIN',
        department: 'SEWING',
        label: 'sewn skin with eyes',
        lines: [
          ['WIP_EMBO', 1],
          ['ALL40030', 1],
          ['ACC-EYE-14MM', 2],
          ['THR-5080-C7237', 12, 'CM'],
        ],
      },
      {
        suffix: 'WIP_BONEKA',
        department: 'FINISHING',
        label: 'stuffed doll',
        lines: [
          ['WIP_SKIN', 1],
          ['IKP20160', 0.15, 'KG'],
          ['THR-5180-QA101', 0.7, 'METER'],
          ['ALB40011', 1],
        ],
      },
      packing(24),
      { suffix: 'FG', department: 'PACKING', label: '', lines: [['WIP_PACKING', 1]] },
    ],
  },
  {
    code: '40551545',
    name: 'DJUNGELSKOG',
    stages: [
      {
        suffix: 'WIP_CUTTING',
        department: 'CUTTING',
        label: 'cut parts',
        lines: [
          ['ISHR305', 0.95, 'YARD', FABRIC_WASTE],
          ['ILPR110', 0.3, 'YARD', FABRIC_WASTE, [['IKHR510', 'ALTERNATIVE']]],
        ],
      },
      {
        suffix: 'WIP_SKIN',
        department: 'SUBCON',
        label: 'skin sewn by PT Royal Puspita',
        lines: [
          ['WIP_CUTTING', 1],
          ['ALL40030', 1],
          ['ACC-EYE-14MM', 2],
          ['ACC-NOSE-12MM', 1],
          ['THR-5080-UB103', 60, 'CM'],
        ],
      },
      {
        suffix: 'WIP_BONEKA',
        department: 'FINISHING',
        label: 'stuffed doll',
        lines: [
          ['WIP_SKIN', 1],
          ['IKP20161', 0.65, 'KG'],
          ['THR-2030-Y1554', 1.2, 'METER'],
          ['ALB40011', 1],
        ],
      },
      packing(8),
      { suffix: 'FG', department: 'PACKING', label: '', lines: [['WIP_PACKING', 1]] },
    ],
  },
  {
    code: '40551546',
    name: 'GOSIG GOLDEN',
    stages: [
      {
        suffix: 'WIP_CUTTING',
        department: 'CUTTING',
        label: 'cut parts',
        lines: [
          ['IKHR510', 0.48, 'YARD', FABRIC_WASTE],
          ['IFLC120', 0.06, 'YARD', FABRIC_WASTE],
        ],
      },
      {
        suffix: 'WIP_EMBO',
        department: 'EMBROIDERY',
        label: 'embroidered face',
        lines: [
          ['WIP_CUTTING', 1],
          ['THR-2120-B2285', 0.6, 'METER'],
        ],
      },
      {
        suffix: 'WIP_SKIN',
        department: 'SEWING',
        label: 'sewn skin with collar',
        lines: [
          ['WIP_EMBO', 1],
          ['ALL40030', 1],
          ['ACC-NOSE-12MM', 1],
          ['THR-5080-UB103', 30, 'CM'],
          ['WBT-6MM', 0.25, 'METER'],
        ],
      },
      {
        suffix: 'WIP_BONEKA',
        department: 'FINISHING',
        label: 'stuffed doll',
        lines: [
          ['WIP_SKIN', 1],
          ['IKP20157', 0.22, 'KG'],
          ['THR-5180-QA101', 0.9, 'METER'],
          ['ALB40011', 1],
        ],
      },
      packing(16),
      { suffix: 'FG', department: 'PACKING', label: '', lines: [['WIP_PACKING', 1]] },
    ],
  },
];

export const wipCode = (article: string, suffix: string) => `${article.replace(/\s+/g, '_')}_${suffix}`;

/** WIP products and the BOM chain of every demo article, with a second revision on AFTONSPARV's stuffed doll. */
export async function seedBoms(
  app: INestApplicationContext,
  log: (m: string) => void = () => undefined,
): Promise<void> {
  const ds = app.get(DataSource);
  const [{ n }] = await ds.query('select count(*)::int as n from boms');
  for (const article of DEMO_BOMS) {
    for (const stage of article.stages.filter((s) => s.suffix !== 'FG')) {
      await ds.query(
        `insert into products (code, name, type, uom) values ($1, $2, 'WIP', 'PCS') on conflict (code) do nothing`,
        [wipCode(article.name, stage.suffix), `${article.name} — ${stage.label}`],
      );
    }
  }
  if (n > 0) return;
  const ids = new Map<string, string>(
    (await ds.query('select code, id from products')).map((r: { code: string; id: string }) => [
      r.code,
      r.id,
    ]),
  );
  const id = (code: string) => {
    const found = ids.get(code);
    if (!found) throw new Error(`demo BOM: unknown product ${code}`);
    return found;
  };
  const boms = app.get(BomService, { strict: false });
  for (const article of DEMO_BOMS) {
    for (const stage of article.stages) {
      const productCode = stage.suffix === 'FG' ? article.code : wipCode(article.name, stage.suffix);
      const lines = stage.lines.map(([code, qty, uom, wastage, variants]) => ({
        componentId: id(code.startsWith('WIP_') ? wipCode(article.name, code) : code),
        department: stage.department,
        neededQuantity: qty,
        uom,
        wastagePercent: wastage ?? 0,
        variants: variants?.map(([v, variantType], i) => ({
          materialId: id(v),
          variantType,
          sequence: i + 1,
        })),
      }));
      const firstDraft = article.name === 'AFTONSPARV' && stage.suffix === 'WIP_BONEKA';
      const created = await boms.create({
        productId: id(productCode),
        bomType: 'MANUFACTURING',
        outputQuantity: stage.outputQuantity ?? 1,
        lines: firstDraft
          ? lines.map((l) => (l.neededQuantity === 0.054 ? { ...l, neededQuantity: 0.056 } : l))
          : lines,
      });
      if (firstDraft) {
        await boms.update(created.id, {
          productId: created.productId,
          bomType: 'MANUFACTURING',
          outputQuantity: 1,
          lines,
          version: created.version,
          revisionReason:
            'Filling reduced from 56 g to 54 g after the QC weight check (SOP target 54 g ± 2 g)',
        });
      }
    }
  }
  log(`demo BOMs: ${DEMO_BOMS.length} articles with their WIP chains`);
}
