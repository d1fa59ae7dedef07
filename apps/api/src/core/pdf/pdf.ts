import bwipjs from 'bwip-js';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';
import { toBuffer as qrBuffer } from 'qrcode';

const require = createRequire(import.meta.url);
// DejaVu covers Latin Extended (Indonesian) and is shipped as an npm package: nothing is fetched at run time.
const FONT_DIR = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');

/** The two faces every Kapok document uses, embedded (subset) in the PDF. */
export const FONT = { regular: 'DejaVu', bold: 'DejaVu-Bold' } as const;

export type Pdf = PDFKit.PDFDocument;

/** A PDF document with the embedded fonts registered and selected. Sizes in points (A4 = 595 × 842). */
export function createPdf(options: PDFKit.PDFDocumentOptions = {}): Pdf {
  const doc = new PDFDocument({ size: 'A4', margin: 36, bufferPages: false, ...options });
  doc.registerFont(FONT.regular, join(FONT_DIR, 'DejaVuSans.ttf'));
  doc.registerFont(FONT.bold, join(FONT_DIR, 'DejaVuSans-Bold.ttf'));
  doc.font(FONT.regular);
  return doc;
}

/** Ends the document and answers its bytes. */
export function pdfBytes(doc: Pdf): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

/** A Code 128 barcode as a PNG on white with its quiet zone (the caller prints the readable text). */
export function code128Png(text: string): Promise<Buffer> {
  return bwipjs.toBuffer({
    bcid: 'code128',
    text,
    scale: 3,
    height: 14,
    includetext: false,
    backgroundcolor: 'FFFFFF',
    paddingwidth: 10,
    paddingheight: 2,
  });
}

/** A QR code of a URL as a PNG. */
export function qrPng(text: string): Promise<Buffer> {
  return qrBuffer(text, { margin: 1, width: 240, errorCorrectionLevel: 'M' });
}

/** A column of a document's table: its heading, width in points, and whether figures align right. */
export interface PdfColumn {
  title: string;
  w: number;
  right?: boolean;
}

/**
 * A table from `y` down: a heavy rule, the heading row in bold, then one row per `row()` call, each as
 * tall as its tallest wrapped cell and closed by a light rule. `bottom()` is the y under the last row.
 */
export function pdfTable(doc: Pdf, at: { left: number; width: number; y: number }, cols: PdfColumn[]) {
  let y = at.y;
  const rule = (lineWidth: number, color: string) =>
    doc
      .moveTo(at.left, y)
      .lineTo(at.left + at.width, y)
      .lineWidth(lineWidth)
      .strokeColor(color)
      .stroke();
  const row = (values: string[], bold = false) => {
    const height = Math.max(
      ...values.map((v, i) =>
        doc
          .font(bold ? FONT.bold : FONT.regular)
          .fontSize(8)
          .heightOfString(v, { width: cols[i].w - 4 }),
      ),
    );
    let x = at.left;
    values.forEach((v, i) => {
      doc.text(v, x + 2, y + 3, { width: cols[i].w - 4, align: cols[i].right ? 'right' : 'left' });
      x += cols[i].w;
    });
    y += height + 6;
    rule(0.5, '#999');
  };
  rule(1, '#000');
  row(
    cols.map((c) => c.title),
    true,
  );
  return { row, bottom: () => y };
}

/** Signature boxes side by side at the foot of the page (or under `y` when the page is full). */
export function pdfSignatureBoxes(
  doc: Pdf,
  at: { left: number; width: number; y: number },
  titles: string[],
  hint: string,
): void {
  const gap = 10;
  const boxW = (at.width - gap * (titles.length - 1)) / titles.length;
  const boxY = Math.max(at.y + 30, doc.page.height - doc.page.margins.bottom - 110);
  titles.forEach((title, i) => {
    const x = at.left + i * (boxW + gap);
    doc.rect(x, boxY, boxW, 100).lineWidth(0.8).strokeColor('#000').stroke();
    doc
      .font(FONT.bold)
      .fontSize(9)
      .text(title, x + 6, boxY + 6, { width: boxW - 12 });
    doc
      .font(FONT.regular)
      .fontSize(7)
      .fillColor('#555')
      .text(hint, x + 6, boxY + 84, { width: boxW - 12 });
    doc.fillColor('#000');
  });
}
