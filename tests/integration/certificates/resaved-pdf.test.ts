// A certificate PDF that another program opened and saved again (simulated with pdf-lib writing
// object streams: the information dictionary ends up compressed, nowhere in clear) still verifies,
// because the code is read from the PDF's structure; a tampered code in such a file still fails.
import fs from 'node:fs';
import { PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { exportList } from '../../../src-main/core/certificates/export';
import { INFO_KEY, readPayloadsFromPdf } from '../../../src-main/core/certificates/pdf-writer';
import { verifyFile } from '../../../src-main/core/certificates/verify';
import { tempDir } from '../../helpers';
import { rankedApp } from './fixture';

/** `bytes` loaded and saved again by pdf-lib with object streams; `edit` may change the document first. */
async function resave(bytes: Buffer, edit?: (pdf: PDFDocument) => void): Promise<Buffer> {
  const pdf = await PDFDocument.load(bytes);
  edit?.(pdf);
  return Buffer.from(await pdf.save({ useObjectStreams: true }));
}

describe('a certificate PDF re-saved by another program', () => {
  it('still verifies from its structure; a changed code in it still fails', async () => {
    const app = await rankedApp();
    const report = await exportList(app.ctx.db, { campaignId: app.works, listName: 'influence', outDir: tempDir('kepu-certs-'), mode: 'perHolder', issuer: app.issuer, wording: app.wording });
    const file = report.files[0];
    const original = fs.readFileSync(file);
    const [code] = await readPayloadsFromPdf(original);
    const serial = app.ctx.db.prepare('SELECT serial FROM certificates WHERE payload = ?').pluck().get(code) as string;
    expect(serial).toMatch(/^[A-Z]+-\d{4}-\d{6}$/);

    const resaved = await resave(original);
    // The re-saved file keeps the entry only inside a compressed object stream: a byte search finds nothing.
    expect(resaved.toString('latin1')).not.toContain(code);
    expect(resaved.toString('latin1')).not.toContain(`/${INFO_KEY}`);
    expect(resaved.toString('latin1')).toContain('/ObjStm');
    expect(await readPayloadsFromPdf(resaved)).toEqual([code]);
    expect(await verifyFile(app.ctx.db, resaved)).toMatchObject({ status: 'valid', fields: { serial } });

    // One character of the signed part changed (a holder name or date edited), re-saved the same way.
    const at = code.indexOf('.') + 10;
    const forged = code.slice(0, at) + (code[at] === 'A' ? 'B' : 'A') + code.slice(at + 1);
    const tampered = await resave(original, (pdf) => {
      const info = pdf.context.lookup(pdf.context.trailerInfo.Info) as unknown as { set(key: PDFName, value: PDFString): void };
      info.set(PDFName.of(INFO_KEY), PDFString.of(forged));
    });
    expect(await readPayloadsFromPdf(tampered)).toEqual([forged]);
    expect(await verifyFile(app.ctx.db, tampered)).toMatchObject({ status: 'invalid' });
    app.ctx.close();
  });
});
