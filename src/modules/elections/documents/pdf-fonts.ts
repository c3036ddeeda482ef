/**
 * pdfmake set up for the election documents: the Roboto files bundled with pdfmake carry the
 * Vietnamese glyphs; pdfmake may read nothing else from disk and nothing from the network.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import pdfmake from 'pdfmake';

export const PDF_MIME = 'application/pdf';
export const MM = 72 / 25.4; // points
export const A4 = { width: 595.28, height: 841.89 };

const fontDir = path.join(
  path.dirname(createRequire(import.meta.url).resolve('pdfmake/package.json')),
  'fonts',
  'Roboto',
);

let configured = false;
function configure() {
  if (configured) return;
  pdfmake.setFonts({
    Roboto: {
      normal: path.join(fontDir, 'Roboto-Regular.ttf'),
      bold: path.join(fontDir, 'Roboto-Medium.ttf'),
      italics: path.join(fontDir, 'Roboto-Italic.ttf'),
      bolditalics: path.join(fontDir, 'Roboto-MediumItalic.ttf'),
    },
  });
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((p) => path.resolve(p).startsWith(fontDir + path.sep));
  configured = true;
}

export type DocDefinition = Parameters<typeof pdfmake.createPdf>[0];

export async function renderPdfDefinition(doc: DocDefinition): Promise<Buffer> {
  configure();
  return pdfmake.createPdf(doc).getBuffer();
}
