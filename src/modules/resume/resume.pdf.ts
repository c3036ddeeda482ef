/**
 * Draws résumé blocks as a PDF with pdfmake 0.3 on the server. The fonts are the Roboto files
 * bundled with pdfmake (they carry the Vietnamese glyphs), read from disk; pdfmake may read
 * nothing else from disk and nothing from the network.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import pdfmake from 'pdfmake';
import type { Content, TableCell } from 'pdfmake';
import type { Block } from './resume.document.ts';

export const PDF_MIME = 'application/pdf';

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

type DocDefinition = Parameters<typeof pdfmake.createPdf>[0];

const MM = 72 / 25.4; // points
const CONTENT_WIDTH = 595.28 - 30 * MM - 15 * MM;

function blocksToContent(blocks: Block[]): Content[] {
  const out: Content[] = [];
  const header = blocks.find((b) => b.kind === 'header');
  const title = blocks.find((b) => b.kind === 'title');
  if (header) {
    out.push({
      columns: [
        {
          width: '*',
          stack: header.lines.map((l) => ({
            text: [`${l.label}: `, { text: l.value, bold: true }],
          })),
        },
        {
          width: 'auto',
          text: [`${header.number.label}: `, { text: header.number.value, bold: true }],
        },
      ],
      columnGap: 10,
      margin: [0, 0, 0, 10],
    });
    out.push({
      columns: [
        {
          width: 30 * MM,
          table: {
            widths: ['*'],
            heights: [40 * MM],
            body: [
              [
                {
                  text: 'Ảnh 3x4',
                  italics: true,
                  fontSize: 9,
                  alignment: 'center',
                  margin: [0, 18 * MM, 0, 0],
                },
              ],
            ],
          },
        },
        {
          width: '*',
          stack: [
            {
              text: title?.text ?? 'SƠ YẾU LÝ LỊCH',
              bold: true,
              fontSize: 16,
              alignment: 'center',
            },
            { text: title?.subtitle ?? '', italics: true, fontSize: 10, alignment: 'center' },
          ],
          margin: [0, 15 * MM, 0, 0],
        },
      ],
      margin: [0, 0, 0, 10],
    });
  }
  for (const b of blocks) {
    switch (b.kind) {
      case 'header':
      case 'title':
        break;
      case 'field':
        out.push({
          text: [
            { text: `${b.number}. `, bold: true },
            ...b.parts.flatMap((p, i) => [`${i ? '; ' : ''}${p.label}: `, p.value]),
          ],
          margin: [0, 0, 0, 3],
        });
        break;
      case 'heading':
        out.push({ text: `${b.number}. ${b.text}`, bold: true, margin: [0, 4, 0, 3] });
        break;
      case 'subheading':
        out.push({ text: b.text, bold: true, italics: true, margin: [0, 2, 0, 2] });
        break;
      case 'table': {
        const total = b.columns.reduce((s, c) => s + c.width, 0);
        const header: TableCell[] = b.columns.map((c) => ({
          text: c.header,
          bold: true,
          alignment: 'center',
          fontSize: 9,
        }));
        out.push({
          table: {
            headerRows: 1,
            widths: b.columns.map((c) => (CONTENT_WIDTH * c.width) / total - 8),
            body: [header, ...b.rows.map((r) => r.map((text) => ({ text, fontSize: 10 })))],
          },
          margin: [0, 0, 0, 6],
        });
        break;
      }
      case 'text':
        out.push({ text: b.text, margin: [0, 0, 0, 3] });
        break;
      case 'closing':
        out.push({ text: b.text, italics: true, margin: [0, 10, 0, 6] });
        break;
      case 'signatures':
        out.push({
          columns: [
            { width: '*', stack: ['', ...b.left].map(signatureLine) },
            { width: '*', stack: b.right.map(signatureLine) },
          ],
          unbreakable: true,
        });
        break;
    }
  }
  return out;
}

const signatureLine = (text: string, i: number): Content => ({
  text: text || ' ',
  alignment: 'center',
  bold: i > 0 && !text.startsWith('('),
  italics: i === 0 || text.startsWith('('),
});

/** One PDF holding every résumé given, each starting on a new page. */
export async function renderPdf(resumes: Block[][]): Promise<Buffer> {
  configure();
  const content: Content[] = resumes.flatMap((blocks, i) => {
    const body = blocksToContent(blocks);
    return i === 0 ? body : [{ text: '', pageBreak: 'before' } as Content, ...body];
  });
  const doc: DocDefinition = {
    pageSize: 'A4',
    pageMargins: [30 * MM, 20 * MM, 15 * MM, 20 * MM],
    info: { title: 'Sơ yếu lý lịch', creator: 'CanBo', producer: 'CanBo' },
    defaultStyle: { font: 'Roboto', fontSize: 11, lineHeight: 1.15 },
    footer: (current: number, total: number) => ({
      text: `Trang ${current}/${total}`,
      alignment: 'center',
      fontSize: 8,
      margin: [0, 5, 0, 0],
    }),
    content,
  };
  return pdfmake.createPdf(doc).getBuffer();
}
