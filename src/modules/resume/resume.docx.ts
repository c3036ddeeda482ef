/** Draws résumé blocks as a Word document (A4, Times New Roman), one résumé per section/page. */
import {
  AlignmentType,
  BorderStyle,
  Document,
  HeightRule,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type ISectionOptions,
} from 'docx';
import type { Block } from './resume.document.ts';

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const CM = 567; // twips
const PAGE = {
  width: 11906,
  height: 16838,
  left: 3 * CM,
  right: 1.5 * CM,
  top: 2 * CM,
  bottom: 2 * CM,
};
const CONTENT = PAGE.width - PAGE.left - PAGE.right;
const FONT = 'Times New Roman';
const SIZE = 26; // half-points: 13 pt, the size of Vietnamese administrative documents

const run = (text: string, opts: { bold?: boolean; italics?: boolean; size?: number } = {}) =>
  new TextRun({
    text,
    font: FONT,
    size: opts.size ?? SIZE,
    bold: opts.bold,
    italics: opts.italics,
  });

const para = (
  children: TextRun[],
  opts: { align?: (typeof AlignmentType)[keyof typeof AlignmentType]; after?: number } = {},
) =>
  new Paragraph({
    children,
    alignment: opts.align ?? AlignmentType.JUSTIFIED,
    spacing: { after: opts.after ?? 60, line: 300 },
  });

const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const noBorders = { top: none, bottom: none, left: none, right: none };
const line = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const lines = { top: line, bottom: line, left: line, right: line };

function cell(
  children: Paragraph[],
  width: number,
  opts: { borders?: typeof lines; valign?: 'top' | 'center' } = {},
) {
  return new TableCell({
    children,
    width: { size: width, type: WidthType.DXA },
    borders: opts.borders ?? noBorders,
    verticalAlign: opts.valign === 'center' ? VerticalAlign.CENTER : VerticalAlign.TOP,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
  });
}

function headerAndTitle(
  header: Extract<Block, { kind: 'header' }>,
  title: Extract<Block, { kind: 'title' }> | undefined,
) {
  const left = Math.round(CONTENT * 0.62);
  const top = new Table({
    width: { size: CONTENT, type: WidthType.DXA },
    columnWidths: [left, CONTENT - left],
    borders: noBorders,
    rows: [
      new TableRow({
        children: [
          cell(
            header.lines.map((l) =>
              para([run(`${l.label}: `), run(l.value, { bold: true })], {
                align: AlignmentType.LEFT,
                after: 20,
              }),
            ),
            left,
          ),
          cell(
            [
              para([run(`${header.number.label}: `), run(header.number.value, { bold: true })], {
                align: AlignmentType.RIGHT,
              }),
            ],
            CONTENT - left,
          ),
        ],
      }),
    ],
  });
  const photo = 3 * CM;
  const heading = new Table({
    width: { size: CONTENT, type: WidthType.DXA },
    columnWidths: [photo, CONTENT - photo],
    borders: noBorders,
    rows: [
      new TableRow({
        height: { value: 4 * CM, rule: HeightRule.EXACT },
        children: [
          cell(
            [para([run('Ảnh 3x4', { italics: true, size: 20 })], { align: AlignmentType.CENTER })],
            photo,
            {
              borders: lines,
              valign: 'center',
            },
          ),
          cell(
            [
              para([run(title?.text ?? 'SƠ YẾU LÝ LỊCH', { bold: true, size: 32 })], {
                align: AlignmentType.CENTER,
              }),
              para([run(title?.subtitle ?? '', { italics: true, size: 22 })], {
                align: AlignmentType.CENTER,
              }),
            ],
            CONTENT - photo,
            { valign: 'center' },
          ),
        ],
      }),
    ],
  });
  return [top, para([]), heading, para([])];
}

function table(b: Extract<Block, { kind: 'table' }>) {
  const total = b.columns.reduce((s, c) => s + c.width, 0);
  const widths = b.columns.map((c) => Math.round((CONTENT * c.width) / total));
  const row = (texts: string[], header: boolean) =>
    new TableRow({
      tableHeader: header,
      children: texts.map((text, i) =>
        cell(
          [
            para([run(text, { bold: header, size: 24 })], {
              align: header ? AlignmentType.CENTER : AlignmentType.LEFT,
              after: 0,
            }),
          ],
          widths[i]!,
          { borders: lines, valign: header ? 'center' : 'top' },
        ),
      ),
    });
  return new Table({
    width: { size: CONTENT, type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      row(
        b.columns.map((c) => c.header),
        true,
      ),
      ...b.rows.map((r) => row(r, false)),
    ],
  });
}

function signatures(b: Extract<Block, { kind: 'signatures' }>) {
  const half = Math.round(CONTENT / 2);
  const column = (texts: string[]) =>
    texts.map((text, i) =>
      para(
        [
          run(text, {
            bold: i > 0 && !text.startsWith('('),
            italics: i === 0 || text.startsWith('('),
          }),
        ],
        {
          align: AlignmentType.CENTER,
          after: 0,
        },
      ),
    );
  return new Table({
    width: { size: CONTENT, type: WidthType.DXA },
    columnWidths: [half, CONTENT - half],
    borders: noBorders,
    rows: [
      new TableRow({
        children: [cell(column(['', ...b.left]), half), cell(column(b.right), CONTENT - half)],
      }),
    ],
  });
}

function sectionOf(blocks: Block[]): ISectionOptions {
  const children: (Paragraph | Table)[] = [];
  const header = blocks.find((b) => b.kind === 'header');
  const title = blocks.find((b) => b.kind === 'title');
  if (header) children.push(...headerAndTitle(header, title));
  for (const b of blocks) {
    switch (b.kind) {
      case 'header':
      case 'title':
        break;
      case 'field':
        children.push(
          para([
            run(`${b.number}. `, { bold: true }),
            ...b.parts.flatMap((p, i) => [run(`${i ? '; ' : ''}${p.label}: `), run(p.value)]),
          ]),
        );
        break;
      case 'heading':
        children.push(para([run(`${b.number}. ${b.text}`, { bold: true })], { after: 80 }));
        break;
      case 'subheading':
        children.push(para([run(b.text, { italics: true, bold: true })]));
        break;
      case 'table':
        children.push(table(b), para([], { after: 60 }));
        break;
      case 'text':
        for (const text of b.text.split('\n')) children.push(para([run(text)]));
        break;
      case 'closing':
        children.push(para([]), para([run(b.text, { italics: true })]));
        break;
      case 'signatures':
        children.push(signatures(b));
        break;
    }
  }
  return {
    properties: {
      page: {
        size: { width: PAGE.width, height: PAGE.height },
        margin: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right },
      },
    },
    children,
  };
}

/** One .docx holding every résumé given, each in its own section starting on a new page. */
export async function renderDocx(resumes: Block[][]): Promise<Buffer> {
  const doc = new Document({
    creator: 'CanBo',
    title: 'Sơ yếu lý lịch',
    styles: { default: { document: { run: { font: FONT, size: SIZE } } } },
    sections: resumes.map(sectionOf),
  });
  return Packer.toBuffer(doc);
}
