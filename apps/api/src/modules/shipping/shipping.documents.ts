import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Principal } from '../../core/context/request-context.js';
import { AppError } from '../../core/errors/app-error.js';
import {
  code128Png,
  createPdf,
  FONT,
  pdfBytes,
  pdfSignatureBoxes,
  pdfTable,
  qrPng,
} from '../../core/pdf/pdf.js';
import { readCompany } from '../admin/company.facts.js';
import { passportCodesOfLots } from '../passport/passport.facts.js';
import { readPackingProducts } from '../warehouse/index.js';
import type { ShipmentResponse } from './dto/shipping.dto.js';
import { ShippingService } from './shipping.service.js';
import { cartonsOfShipment } from './shipping.sql.js';

const A6_LANDSCAPE: [number, number] = [420, 298];
const A5_LANDSCAPE: [number, number] = [595, 420];
const fmt = (n: number) => n.toLocaleString('id-ID');
const weekNo = (week: string) => week.replace(/^\d{4}-W/, '');

/** Bilingual captions: Indonesian first (the factory floor), English for the buyer. */
const T = {
  deliveryNote: 'SURAT JALAN · DELIVERY NOTE',
  customer: 'Pelanggan · Customer',
  customerPo: 'PO pelanggan · Customer PO',
  date: 'Tanggal · Date',
  shipment: 'No. pengiriman · Shipment',
  state: 'Status',
  article: 'Artikel · Article',
  name: 'Nama barang · Description',
  destination: 'Tujuan · Destination',
  week: 'Minggu · Week',
  quantity: 'Jumlah (pcs) · Quantity',
  cartons: 'Karton · Cartons',
  pallets: 'Palet · Pallets',
  total: 'Jumlah total · Total',
  preparedBy: 'Dibuat oleh · Prepared by',
  driver: 'Pengemudi · Driver',
  receivedBy: 'Diterima oleh · Received by',
  sign: 'Tanda tangan & cap · Signature & stamp',
  notPicked: 'Belum dikemas (belum dipick) · Not packed yet (not picked)',
  partial: 'KARTON SEBAGIAN · PARTIAL CARTON',
  carton: 'Karton · Carton',
  pallet: 'Palet · Pallet',
  grossWeight: 'Berat bersih · Net weight',
  pieces: 'Isi · Pieces',
  passport: 'Paspor produk · Product passport',
} as const;

/** The shipment's printed documents (quality-shipping.md): delivery note, carton (MIA) and pallet (ULL) labels. */
@Injectable()
export class ShippingDocuments {
  constructor(
    private readonly dataSource: DataSource,
    private readonly shipments: ShippingService,
  ) {}

  /** Surat jalan: company, customer, PO, lines with cartons and pallets, three signature boxes. */
  async deliveryNote(id: string, principal: Principal): Promise<Buffer> {
    const m = this.dataSource.manager;
    const s = await this.shipments.get(id, principal, m);
    const company = await readCompany(m);
    const doc = createPdf({
      info: { Title: `Surat jalan ${s.number}`, Author: company?.legal_name ?? 'Kapok' },
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
      .fontSize(16)
      .text(T.deliveryNote, left + width / 2, 36, { width: width / 2, align: 'right' });
    doc
      .font(FONT.regular)
      .fontSize(10)
      .text(s.number, { width: width / 2, align: 'right' });

    doc.moveDown(2);
    const pos = [...new Set(s.lines.map((l) => `${l.customerPo} (${l.soNumber})`))].join(', ');
    const facts: Array<[string, string]> = [
      [T.customer, `${s.customer.code} — ${s.customer.name}`],
      [T.customerPo, pos],
      [T.shipment, `${s.number} · ${s.state}`],
      [T.date, (s.shippedAt ?? s.pickedAt ?? s.createdAt).slice(0, 10)],
    ];
    let y = 110;
    for (const [label, value] of facts) {
      doc.font(FONT.regular).fontSize(9).fillColor('#555').text(label, left, y, { width: 160 });
      doc
        .font(FONT.bold)
        .fontSize(10)
        .fillColor('#000')
        .text(value, left + 165, y, { width: width - 165 });
      y += 18;
    }

    y += 12;
    const cols = [
      { title: '#', w: 22 },
      { title: T.article, w: 70 },
      { title: T.name, w: 130 },
      { title: T.destination, w: 75 },
      { title: T.week, w: 55 },
      { title: T.quantity, w: 60, right: true },
      { title: T.cartons, w: 55, right: true },
      { title: T.pallets, w: 56, right: true },
    ];
    const table = pdfTable(doc, { left, width, y }, cols);
    const picked = s.cartons.length > 0;
    for (const l of s.lines) {
      const cartons = s.cartons.filter((c) => c.lineNo === l.lineNo);
      const pallets = new Set(cartons.map((c) => c.palletNo));
      const weeks = [...new Set(l.picks.map((p) => p.productionWeek))].join(', ') || l.deliveryWeek;
      table.row(
        [
          String(l.lineNo),
          l.productCode,
          `${l.productName}\n${l.soNumber} / ${l.salesOrderLineNo}`,
          l.destination,
          weeks,
          fmt(l.quantity),
          picked ? String(cartons.length) : '—',
          picked ? String(pallets.size) : '—',
        ],
        false,
      );
    }
    table.row(
      [
        '',
        '',
        T.total,
        '',
        '',
        fmt(s.totalQuantity),
        picked ? String(s.cartonCount) : '—',
        picked ? String(s.palletCount) : '—',
      ],
      true,
    );
    y = table.bottom();
    if (!picked) {
      y += 6;
      doc.font(FONT.regular).fontSize(9).fillColor('#a00').text(T.notPicked, left, y);
      doc.fillColor('#000');
      y += 16;
    }
    if (s.notes) {
      y += 6;
      doc.font(FONT.regular).fontSize(9).text(s.notes, left, y, { width });
      y = doc.y + 6;
    }

    // Signature boxes at the foot of the page.
    pdfSignatureBoxes(doc, { left, width, y }, [T.preparedBy, T.driver, T.receivedBy], T.sign);
    return pdfBytes(doc);
  }

  /** One MIA label per carton: article, name, destination, week, pieces, carton n of N, Code 128, passport QR. */
  async cartonLabels(id: string, principal: Principal, origin: string): Promise<Buffer> {
    const m = this.dataSource.manager;
    const s = await this.packed(id, principal);
    const rows = await cartonsOfShipment(m, id);
    const passports = await passportCodesOfLots(
      m,
      rows.flatMap((c) => (c.lot_id ? [c.lot_id] : [])),
    );
    const lotOf = new Map(rows.map((c) => [c.no, c.lot_id]));
    const names = new Map(s.lines.map((l) => [l.productCode, l.productName]));
    const doc = createPdf({
      size: A6_LANDSCAPE,
      margin: 14,
      autoFirstPage: false,
      info: { Title: `MIA ${s.number}` },
    });
    const total = s.cartons.length;
    for (const c of s.cartons) {
      doc.addPage();
      const w = A6_LANDSCAPE[0] - 28;
      doc
        .rect(8, 8, A6_LANDSCAPE[0] - 16, A6_LANDSCAPE[1] - 16)
        .lineWidth(1)
        .strokeColor('#000')
        .stroke();
      doc
        .font(FONT.bold)
        .fontSize(22)
        .text(c.productCode, 14, 16, { width: w - 90 });
      doc
        .font(FONT.regular)
        .fontSize(9)
        .text(names.get(c.productCode) ?? '', 14, 44, { width: w - 90, height: 24, ellipsis: true });
      doc.font(FONT.bold).fontSize(28).text(c.destination, 14, 16, { width: w, align: 'right' });
      const facts: Array<[string, string]> = [
        [T.week, `${weekNo(c.week)} (${c.week})`],
        [T.pieces, `${fmt(c.quantity)} pcs`],
        [T.carton, `${c.no} / ${total}`],
        [T.pallet, String(c.palletNo)],
      ];
      let y = 74;
      for (const [label, value] of facts) {
        doc.font(FONT.regular).fontSize(8).fillColor('#555').text(label, 14, y, { width: 120 });
        doc
          .font(FONT.bold)
          .fontSize(12)
          .fillColor('#000')
          .text(value, 134, y - 2, { width: 150 });
        y += 20;
      }
      if (c.partial) {
        // The box is as wide as its text, which stays on one line.
        const width = doc.font(FONT.bold).fontSize(10).widthOfString(T.partial) + 10;
        doc
          .rect(14, y + 2, width, 18)
          .fillColor('#000')
          .fill();
        doc.fillColor('#fff').text(T.partial, 19, y + 6, { width: width - 10, lineBreak: false });
        doc.fillColor('#000');
      }
      const lotId = lotOf.get(c.no);
      const passport = lotId ? passports.get(lotId) : undefined;
      if (passport) {
        doc.image(await qrPng(`${origin}/passport/${passport}`), A6_LANDSCAPE[0] - 104, 70, { width: 88 });
        doc
          .font(FONT.regular)
          .fontSize(6)
          .text(T.passport, A6_LANDSCAPE[0] - 110, 160, { width: 100, align: 'center' });
      }
      doc.image(await code128Png(c.barcode), 24, 198, { width: A6_LANDSCAPE[0] - 48, height: 58 });
      doc
        .font(FONT.bold)
        .fontSize(11)
        .text(c.barcode, 14, 262, { width: w, align: 'center', characterSpacing: 1 });
    }
    return pdfBytes(doc);
  }

  /** One ULL label per pallet: article, destination, week, cartons, pieces, net weight, pallet n of N. */
  async palletLabels(id: string, principal: Principal): Promise<Buffer> {
    const m = this.dataSource.manager;
    const s = await this.packed(id, principal);
    const products = new Map(
      (
        await readPackingProducts(
          m,
          s.lines.map((l) => l.productId),
        )
      ).map((p) => [p.code, p]),
    );
    const doc = createPdf({
      size: A5_LANDSCAPE,
      margin: 24,
      autoFirstPage: false,
      info: { Title: `ULL ${s.number}` },
    });
    for (const p of s.pallets) {
      doc.addPage();
      const w = A5_LANDSCAPE[0] - 48;
      doc
        .rect(12, 12, A5_LANDSCAPE[0] - 24, A5_LANDSCAPE[1] - 24)
        .lineWidth(1.5)
        .strokeColor('#000')
        .stroke();
      doc
        .font(FONT.bold)
        .fontSize(12)
        .text(`ULL · ${T.pallet} ${p.no} / ${s.pallets.length}`, 24, 24, { width: w });
      doc
        .font(FONT.regular)
        .fontSize(10)
        .text(`${s.number} · ${s.customer.code} · ${s.customer.name}`, { width: w });
      doc.font(FONT.bold).fontSize(40).text(p.destination, 24, 24, { width: w, align: 'right' });
      doc.font(FONT.bold).fontSize(30).text(p.productCode, 24, 80, { width: w });
      doc.font(FONT.regular).fontSize(12).text(p.productName, { width: w });
      const grams = products.get(p.productCode)?.standard_weight_grams;
      const weight = grams
        ? `${((Number(grams) * p.quantity) / 1000).toLocaleString('id-ID', { maximumFractionDigits: 1 })} kg`
        : '—';
      const facts: Array<[string, string]> = [
        [T.week, `${weekNo(p.week)} (${p.week})`],
        [T.cartons, String(p.cartons)],
        [T.pieces, `${fmt(p.quantity)} pcs`],
        [T.grossWeight, weight],
      ];
      let y = 160;
      for (const [label, value] of facts) {
        doc.font(FONT.regular).fontSize(10).fillColor('#555').text(label, 24, y, { width: 200 });
        doc
          .font(FONT.bold)
          .fontSize(18)
          .fillColor('#000')
          .text(value, 230, y - 4, { width: w - 206 });
        y += 30;
      }
      const code = `${s.number}-P${String(p.no).padStart(3, '0')}`;
      doc.image(await code128Png(code), 60, 290, { width: A5_LANDSCAPE[0] - 120, height: 70 });
      doc.font(FONT.bold).fontSize(12).text(code, 24, 366, { width: w, align: 'center' });
    }
    return pdfBytes(doc);
  }

  /** Labels exist from the pick on: the packing plan is fixed then. */
  private async packed(id: string, principal: Principal): Promise<ShipmentResponse> {
    const s = await this.shipments.get(id, principal);
    if (s.cartons.length === 0)
      throw new AppError(
        409,
        'INVALID_STATE',
        `Shipment ${s.number} is ${s.state}; labels are printed once it is picked`,
        {
          currentState: s.state,
          allowedFrom: ['PICKED', 'SHIPPED'],
        },
      );
    return s;
  }
}
