/**
 * The printed ballots (phiếu bầu) in the two forms of QĐ 190-QĐ/TW: a list with a surplus is
 * voted by striking out whole names; a list without a surplus has "đồng ý / không đồng ý"
 * boxes. Each ballot carries the box for the counting committee's seal and, when asked, its own
 * serial number, so a ballot not issued by the committee can be told apart at the count.
 */
import type { Content } from 'pdfmake';
import type { BallotData } from './round-data.ts';
import { A4, MM, renderPdfDefinition } from './pdf-fonts.ts';

export interface BallotPrintOptions {
  /** How many ballots to print. */
  count: number;
  /** Print a serial number on each ballot, starting at firstSerial. */
  numbered: boolean;
  firstSerial: number;
  /** Ballots per A4 page (stacked, with a cut line between them). */
  perPage: 1 | 2 | 3;
}

const MARGIN = 12 * MM;
const WIDTH = A4.width - 2 * MARGIN;

export const STRIKE_INSTRUCTION =
  'Đồng ý bầu đồng chí nào thì để nguyên họ và tên; không bầu đồng chí nào thì gạch ngang cả họ và tên người không bầu. Phiếu bầu nhiều hơn số lượng cần bầu là phiếu không hợp lệ.';
export const YESNO_INSTRUCTION =
  'Đánh dấu (X) vào một trong hai ô "Đồng ý" hoặc "Không đồng ý" ở từng đồng chí. Đồng chí được đánh dấu cả hai ô hoặc không được đánh dấu ô nào thì phiếu không được tính cho đồng chí đó.';

export const serialText = (serial: number, last: number) =>
  String(serial).padStart(Math.max(4, String(last).length), '0');

const PAGE_HEIGHT = A4.height - 2 * MARGIN;
/** Height of a ballot's heading and note, and of one line of names per point of font size. */
const FIXED_HEIGHT = 150;
const LINE_FACTOR = 1.75;
const MIN_SIZE = 8;

const nameColumns = (names: number, form: BallotData['form']) =>
  form === 'yesno' ? 1 : names > 48 ? 3 : names > 18 ? 2 : 1;
const rowsOf = (d: BallotData) =>
  Math.ceil(d.candidates.length / nameColumns(d.candidates.length, d.form));
/** The yes/no table's rows are taller (cell padding and borders). */
const rowFactor = (d: BallotData) => (d.form === 'yesno' ? LINE_FACTOR + 0.5 : LINE_FACTOR);

/** As many ballots to a page as asked, but never more than fit at the smallest readable size. */
export function ballotsPerPage(d: BallotData, asked: number): number {
  const smallest = FIXED_HEIGHT + 16 + rowsOf(d) * MIN_SIZE * rowFactor(d);
  return Math.max(1, Math.min(asked, Math.floor(PAGE_HEIGHT / smallest)));
}

/** Font size so that the list fits its share of the page. */
function nameSize(d: BallotData, perPage: number): number {
  const available = PAGE_HEIGHT / perPage - FIXED_HEIGHT - (perPage > 1 ? 16 : 0);
  return Math.max(MIN_SIZE, Math.min(12, Math.floor(available / rowsOf(d) / rowFactor(d))));
}

function heading(d: BallotData, serial: string | null, size: number): Content[] {
  return [
    {
      columns: [
        {
          width: 30 * MM,
          table: {
            widths: ['*'],
            heights: [18 * MM],
            body: [
              [
                {
                  text: 'Dấu của\nBan kiểm phiếu',
                  italics: true,
                  fontSize: 7,
                  alignment: 'center',
                  color: '#555555',
                  margin: [0, 5 * MM, 0, 0],
                },
              ],
            ],
          },
        },
        {
          width: '*',
          alignment: 'center',
          stack: [
            ...d.header.unitLines.map((l) => ({ text: l.toUpperCase(), fontSize: size - 2 })),
            { text: 'ĐẢNG CỘNG SẢN VIỆT NAM', bold: true, fontSize: size - 2 },
            { text: 'PHIẾU BẦU CỬ', bold: true, fontSize: size + 3, margin: [0, 2, 0, 0] },
            { text: d.bodyName.toUpperCase(), bold: true, fontSize: size - 1 },
          ],
        },
        {
          width: 30 * MM,
          alignment: 'right',
          text: serial ? [{ text: 'Số phiếu: ' }, { text: serial, bold: true }] : '',
          fontSize: size - 1,
        },
      ],
      columnGap: 6,
    },
    {
      alignment: 'center',
      margin: [0, 2, 0, 2],
      stack: [
        {
          text: `${d.header.congressName}${d.roundNumber > 1 ? ` — Bầu lần thứ ${d.roundNumber}` : ''}`,
          italics: true,
          fontSize: size - 2,
        },
        { text: `Số lượng bầu: ${d.seats} đồng chí`, bold: true, fontSize: size - 1 },
      ],
    },
  ];
}

function strikeList(d: BallotData, size: number): Content {
  const lines = d.candidates.map((c, i) => ({
    text: `${i + 1}. ${c.fullName}`,
    fontSize: size,
    margin: [8, 0, 0, size * 0.3] as [number, number, number, number],
  }));
  const columns = nameColumns(lines.length, d.form);
  if (columns === 1) return { stack: lines, margin: [WIDTH * 0.25, 4, 0, 4] };
  const per = Math.ceil(lines.length / columns);
  return {
    columns: Array.from({ length: columns }, (_, k) => ({
      width: '*',
      stack: lines.slice(k * per, (k + 1) * per),
    })),
    margin: [0, 4, 0, 4],
  };
}

function yesNoTable(d: BallotData, size: number): Content {
  const box = { text: '', margin: [0, size * 0.4, 0, 0] as [number, number, number, number] };
  return {
    table: {
      headerRows: 1,
      widths: [24, '*', 80, 80],
      body: [
        ['STT', 'Họ và tên', 'Đồng ý', 'Không đồng ý'].map((t) => ({
          text: t,
          bold: true,
          alignment: 'center' as const,
          fontSize: size,
        })),
        ...d.candidates.map((c, i) => [
          { text: String(i + 1), alignment: 'center' as const, fontSize: size },
          { text: c.fullName, fontSize: size },
          box,
          box,
        ]),
      ],
    },
    margin: [0, 4, 0, 4],
  };
}

function ballot(d: BallotData, serial: string | null, perPage: number): Content {
  const size = nameSize(d, perPage);
  return {
    unbreakable: true,
    stack: [
      ...heading(d, serial, Math.max(9, Math.min(11, size))),
      d.form === 'strike' ? strikeList(d, size) : yesNoTable(d, size),
      {
        text: [
          { text: 'Ghi chú: ', bold: true },
          d.form === 'strike' ? STRIKE_INSTRUCTION : YESNO_INSTRUCTION,
        ],
        italics: true,
        fontSize: Math.max(7, Math.min(9, size - 1)),
      },
    ],
  };
}

// A function: pdfmake writes layout state into the nodes it draws, so none may be shared.
const cutLine = (): Content => ({
  canvas: [
    { type: 'line', x1: 0, y1: 0, x2: WIDTH, y2: 0, dash: { length: 4, space: 3 }, lineWidth: 0.5 },
  ],
  margin: [0, 8, 0, 8],
});

/**
 * A PDF of `count` ballots, perPage to an A4 page (fewer when the list is too long for that),
 * each with its serial when numbered.
 */
export async function renderBallots(d: BallotData, o: BallotPrintOptions): Promise<Buffer> {
  const last = o.firstSerial + o.count - 1;
  const perPage = ballotsPerPage(d, o.perPage);
  const content: Content[] = [];
  for (let i = 0; i < o.count; i++) {
    const serial = o.numbered ? serialText(o.firstSerial + i, last) : null;
    const onPage = i % perPage;
    if (i > 0 && onPage === 0) content.push({ text: '', pageBreak: 'before' });
    if (onPage > 0) content.push(cutLine());
    content.push(ballot(d, serial, perPage));
  }
  return renderPdfDefinition({
    pageSize: 'A4',
    pageMargins: [MARGIN, MARGIN, MARGIN, MARGIN],
    info: { title: `Phiếu bầu ${d.bodyName}`, creator: 'CanBo', producer: 'CanBo' },
    defaultStyle: { font: 'Roboto', fontSize: 11, lineHeight: 1.1 },
    content,
  });
}
