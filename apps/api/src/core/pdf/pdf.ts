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
