import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { code128Png, createPdf, FONT, pdfBytes, pdfSignatureBoxes, pdfTable } from '../../core/pdf/pdf.js';
import { readCompany } from '../admin/company.facts.js';
import { GatePassesService } from './gate-passes.service.js';

const fmt = (n: number) => n.toLocaleString('id-ID', { maximumFractionDigits: 4 });

/** Bilingual captions: Indonesian first (the gate and the factory floor), English second. */
const T = {
  out: 'SURAT JALAN KELUAR (SUBKON) · GATE PASS OUT',
  in: 'SURAT JALAN MASUK (SUBKON) · GATE PASS IN',
  subcontractor: 'Subkon · Subcontractor',
  batch: 'No. batch (MO) · Batch',
  vehicle: 'No. kendaraan · Vehicle',
  driver: 'Pengemudi · Driver',
  customs: 'Dokumen pabean · Customs document',
  deliveryNote: 'Surat jalan vendor · Vendor delivery note',
  date: 'Tanggal · Date',
  state: 'Status',
  due: 'Kembali paling lambat · Due back',
  code: 'Kode · Code',
  name: 'Nama barang · Description',
  kind: 'Jenis · Kind',
  quantity: 'Jumlah · Quantity',
  counted: 'Hitung satpam · Security count',
  uom: 'Satuan · Unit',
  wip: 'WIP',
  material: 'Bahan pendukung · Supporting material',
  warehouse: 'Gudang · Warehouse',
  security: 'Satpam · Security',
  driverSign: 'Pengemudi · Driver',
  sign: 'Tanda tangan & nama · Signature & name',
  hold: 'DITAHAN: hitungan satpam berbeda · HOLD: the count differs from the pass',
} as const;

/** The printed gate pass (both directions): number, partner, vehicle, lines with counts, customs, signatures. */
@Injectable()
export class SubconDocuments {
  constructor(
    private readonly dataSource: DataSource,
    private readonly passes: GatePassesService,
  ) {}

  async gatePass(id: string): Promise<Buffer> {
    const m = this.dataSource.manager;
    const p = await this.passes.get(id, m);
    const company = await readCompany(m);
    const doc = createPdf({
      info: { Title: `Gate pass ${p.number}`, Author: company?.legal_name ?? 'Kapok' },
    });
    const left = doc.page.margins.left;
    const width = doc.page.width - left - doc.page.margins.right;

    doc
      .font(FONT.bold)
      .fontSize(16)
      .text(company?.legal_name ?? 'Kapok', left, 36, { width: width / 2 });
    if (company?.address)
      doc
        .font(FONT.regular)
        .fontSize(9)
        .text(company.address, { width: width / 2 });
    doc
      .font(FONT.bold)
      .fontSize(13)
      .text(p.direction === 'OUT' ? T.out : T.in, left + width / 2, 36, { width: width / 2, align: 'right' });
    doc
      .font(FONT.regular)
      .fontSize(11)
      .text(p.number, { width: width / 2, align: 'right' });
    doc.image(await code128Png(p.number), left + width - 170, 86, { width: 170, height: 34 });

    const facts: Array<[string, string]> = [
      [T.subcontractor, `${p.partner.code} — ${p.partner.name}`],
      [T.batch, p.batchNumber],
      [T.vehicle, p.vehicleNumber],
      [T.driver, p.driverName],
      [T.customs, `${p.customsDocument}${p.customsReference ? ` · ${p.customsReference}` : ''}`],
      ...(p.deliveryNote ? ([[T.deliveryNote, p.deliveryNote]] as Array<[string, string]>) : []),
      [T.date, (p.releasedAt ?? p.createdAt).slice(0, 10)],
      [T.state, p.state],
      ...(p.dueAt ? ([[T.due, p.dueAt.slice(0, 10)]] as Array<[string, string]>) : []),
    ];
    let y = 130;
    for (const [label, value] of facts) {
      // A label or value that wraps pushes the next row down: nothing overlaps.
      const labelHeight = doc.font(FONT.regular).fontSize(9).heightOfString(label, { width: 170 });
      doc.fillColor('#555').text(label, left, y, { width: 170 });
      const valueHeight = doc
        .font(FONT.bold)
        .fontSize(10)
        .heightOfString(value, { width: width - 175 });
      doc.fillColor('#000').text(value, left + 175, y, { width: width - 175 });
      y += Math.max(labelHeight, valueHeight) + 6;
    }

    y += 10;
    const cols = [
      { title: '#', w: 22 },
      { title: T.code, w: 80 },
      { title: T.name, w: 150 },
      { title: T.kind, w: 80 },
      { title: T.uom, w: 45 },
      { title: T.quantity, w: 73, right: true },
      { title: T.counted, w: 73, right: true },
    ];
    const table = pdfTable(doc, { left, width, y }, cols);
    for (const l of p.lines)
      table.row(
        [
          String(l.lineNo),
          l.productCode,
          l.productName,
          l.kind === 'WIP' ? T.wip : T.material,
          l.uom,
          fmt(l.quantity),
          l.countedQuantity === null ? '' : fmt(l.countedQuantity),
        ],
        false,
      );
    y = table.bottom();
    if (p.state === 'HOLD') {
      y += 6;
      doc.font(FONT.bold).fontSize(9).fillColor('#a00').text(T.hold, left, y, { width });
      doc.fillColor('#000');
      y = doc.y + 6;
    }
    if (p.notes) {
      y += 6;
      doc.font(FONT.regular).fontSize(9).text(p.notes, left, y, { width });
      y = doc.y + 6;
    }

    // Signature boxes: warehouse, security, driver.
    pdfSignatureBoxes(doc, { left, width, y }, [T.warehouse, T.security, T.driverSign], T.sign);
    return pdfBytes(doc);
  }
}
