/**
 * `canbo tally`: the offline counting station (issue 4 §6). Reads the election list and the
 * entered ballots from CSV files and counts them with the same pure rules the web counting
 * uses (`src/modules/elections/*.rules.ts`), with the national rule values CanBo ships in force
 * today. No database. Exit code 0 when counted; 1 for a bad file (the message names the row);
 * 2 for bad usage.
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { parse } from 'csv-parse/sync';
import { today } from '../core/dates.ts';
import { AppError } from '../core/errors.ts';
import { formatNumber } from '../core/vietnamese/index.ts';
import {
  ballotFormLabels,
  ballotForms,
  type Ballot,
  type BallotForm,
} from '../modules/elections/ballot.rules.ts';
import { shippedElectionRules } from '../modules/elections/election-rule-values.ts';
import { ballotFormFor } from '../modules/elections/list.rules.ts';
import { tally, type TallyCandidate, type TallyResult } from '../modules/elections/tally.rules.ts';

export const tallyUsage = `  tally --candidates c.csv --ballots b.csv --seats N --base B [--form strike|yesno] [--json]
      Kiểm phiếu ngoại tuyến (không cần máy chủ). c.csv: cột id,name. b.csv: phiếu gạch tên
      ballot,issued,struck — hoặc phiếu đồng ý/không đồng ý ballot,issued,agree,disagree;
      issued là 1/0 (phiếu do ban kiểm phiếu phát ra), danh sách mã nối bằng dấu ";".
      --base: tổng số được triệu tập làm căn cứ (đã trừ các trường hợp theo quy định).
      --form mặc định: gạch tên khi danh sách có số dư, đồng ý/không đồng ý khi không.
`;

export interface TallyIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

/** A bad input file or argument: the message is shown as is and the command exits non-zero. */
class TallyInputError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

interface Row {
  line: number;
  cells: Record<string, string>;
}

/** UTF-8 text of a file; a non-UTF-8 file is refused naming the first bad line. */
function readUtf8(file: string, label: string): string {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch {
    throw new TallyInputError(`Không đọc được tệp ${label} "${file}".`);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    let line = 1;
    let start = 0;
    for (let i = 0; i <= bytes.length; i++) {
      if (i === bytes.length || bytes[i] === 0x0a) {
        try {
          new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(start, i));
        } catch {
          break;
        }
        line++;
        start = i + 1;
      }
    }
    throw new TallyInputError(
      `Tệp ${label} "${file}" không phải văn bản UTF-8 (lỗi mã hóa ở dòng ${line}). Hãy lưu lại tệp với mã hóa UTF-8.`,
    );
  }
}

/** CSV with quoted fields (names containing commas…): csv-parse, with each record's line. */
function parseQuoted(text: string) {
  return parse(text, {
    info: true,
    bom: true,
    trim: true,
    skip_empty_lines: true,
    relax_column_count: true,
  }) as unknown as { info: { lines: number }; record: string[] }[];
}

/**
 * CSV without a single quote character: no field can hold a comma or a line break, so lines
 * and commas split it exactly as csv-parse would, about twenty times faster on a ballot file
 * of thousands of rows (the counting station's hot path; see bench/lib/elections-bench.ts).
 */
function parsePlain(text: string) {
  const out: { info: { lines: number }; record: string[] }[] = [];
  const lines = text.replace(/^\uFEFF/, '').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.replace(/\r$/, '');
    if (line.trim() === '') continue;
    out.push({ info: { lines: i + 1 }, record: line.split(',').map((c) => c.trim()) });
  }
  return out;
}

/** Rows with named cells; the header must contain every `required` column. */
function readCsv(file: string, label: string, required: readonly string[]): Row[] {
  const text = readUtf8(file, label);
  let records: { info: { lines: number }; record: string[] }[];
  try {
    records = text.includes('"') ? parseQuoted(text) : parsePlain(text);
  } catch (err) {
    const line = (err as { lines?: number }).lines;
    throw new TallyInputError(
      `Tệp ${label} "${file}" không đọc được dạng CSV${line ? ` ở dòng ${line}` : ''}: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
  const [header, ...rest] = records;
  if (!header) throw new TallyInputError(`Tệp ${label} "${file}" trống.`);
  const columns = header.record.map((c) => c.toLowerCase());
  const missing = required.filter((c) => !columns.includes(c));
  if (missing.length) {
    throw new TallyInputError(
      `Tệp ${label} "${file}", dòng ${header.info.lines} (tiêu đề): thiếu cột ${missing.map((c) => `"${c}"`).join(', ')}; cần các cột ${required.join(',')}.`,
    );
  }
  return rest.map(({ info, record }) => ({
    line: info.lines,
    cells: Object.fromEntries(columns.map((c, i) => [c, record[i] ?? ''])),
  }));
}

function readCandidates(file: string): TallyCandidate[] {
  const rows = readCsv(file, 'ứng cử viên', ['id', 'name']);
  const seen = new Map<string, number>();
  const out: TallyCandidate[] = [];
  for (const { line, cells } of rows) {
    const where = `Tệp ứng cử viên "${file}", dòng ${line}`;
    if (!cells.id) throw new TallyInputError(`${where}: thiếu mã (cột id).`);
    if (!cells.name) throw new TallyInputError(`${where}: thiếu họ tên (cột name).`);
    const first = seen.get(cells.id);
    if (first !== undefined) {
      throw new TallyInputError(`${where}: mã "${cells.id}" trùng với dòng ${first}.`);
    }
    seen.set(cells.id, line);
    out.push({ id: cells.id, name: cells.name });
  }
  if (!out.length) throw new TallyInputError(`Tệp ứng cử viên "${file}" không có ứng cử viên nào.`);
  return out;
}

function readBallots(file: string, form: BallotForm, candidates: TallyCandidate[]): Ballot[] {
  const columns =
    form === 'strike' ? ['ballot', 'issued', 'struck'] : ['ballot', 'issued', 'agree', 'disagree'];
  const rows = readCsv(file, 'phiếu bầu', columns);
  const known = new Set(candidates.map((c) => c.id));
  const seen = new Map<string, number>();
  const out: Ballot[] = [];
  for (const { line, cells } of rows) {
    const where = `Tệp phiếu bầu "${file}", dòng ${line}`;
    const serial = cells.ballot!;
    if (!serial) throw new TallyInputError(`${where}: thiếu số phiếu (cột ballot).`);
    const first = seen.get(serial);
    if (first !== undefined) {
      throw new TallyInputError(`${where}: số phiếu "${serial}" trùng với dòng ${first}.`);
    }
    seen.set(serial, line);
    if (cells.issued !== '1' && cells.issued !== '0') {
      throw new TallyInputError(
        `${where} (phiếu ${serial}): cột issued phải là 1 (do ban kiểm phiếu phát ra) hoặc 0, không phải "${cells.issued}".`,
      );
    }
    const ids = (column: string) => {
      const list = cells[column]!.split(';')
        .map((s) => s.trim())
        .filter(Boolean);
      for (const id of list) {
        if (!known.has(id)) {
          throw new TallyInputError(
            `${where} (phiếu ${serial}), cột ${column}: mã "${id}" không có trong danh sách ứng cử viên.`,
          );
        }
      }
      return list;
    };
    const issued = cells.issued === '1';
    out.push(
      form === 'strike'
        ? { serial, issued, struck: ids('struck') }
        : { serial, issued, agree: ids('agree'), disagree: ids('disagree') },
    );
  }
  return out;
}

function positiveInt(value: string | undefined, flag: string, label: string): number {
  if (value === undefined)
    throw new TallyInputError(`Thiếu ${flag} (${label}).\n\n${tallyUsage}`, 2);
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < 1) {
    throw new TallyInputError(
      `${flag} phải là số nguyên dương (${label}), không phải "${value}".`,
      2,
    );
  }
  return n;
}

/** The `--json` object: the tally result, `needsDecision` as true/false with its `reason`. */
export function tallyJson(result: TallyResult, form: BallotForm) {
  return {
    form,
    base: result.base,
    seats: result.seats,
    returned: result.returned,
    valid: result.valid,
    invalid: result.invalid,
    invalidBallots: result.invalidBallots,
    candidates: result.candidates.map(({ id, name, votes, percent, elected, rank }) => ({
      id,
      name,
      votes,
      percent,
      elected,
      rank,
    })),
    elected: result.elected,
    needsDecision: result.needsDecision !== null,
    reason: result.needsDecision?.reason ?? null,
    decision: result.needsDecision,
    citations: result.citations,
  };
}

const pct = (p: number) => `${formatNumber(p, 2)}%`;

/** The readable Vietnamese result (what a counting committee reads out and checks). */
export function tallyText(result: TallyResult, form: BallotForm): string {
  const names = new Map(result.candidates.map((c) => [c.id, c.name]));
  const lines = [
    `KẾT QUẢ KIỂM PHIẾU — ${ballotFormLabels[form]}`,
    `Số lượng cần bầu: ${result.seats}. Tổng số được triệu tập làm căn cứ tính kết quả: ${result.base}.`,
    `Số phiếu thu vào: ${result.returned}; hợp lệ: ${result.valid}; không hợp lệ: ${result.invalid}.`,
  ];
  if (result.invalidBallots.length) {
    lines.push('Phiếu không hợp lệ:');
    for (const b of result.invalidBallots) lines.push(`  - Phiếu ${b.ballot}: ${b.reason}.`);
  }
  lines.push(
    '',
    'Số phiếu bầu cho từng người (tỷ lệ so với tổng số được triệu tập), từ cao xuống thấp:',
  );
  const ranked = [...result.candidates].sort((a, b) => a.rank - b.rank);
  const width = Math.max(...ranked.map((c) => c.name.length));
  for (const c of ranked) {
    lines.push(
      `  ${String(c.rank).padStart(3)}. ${c.name.padEnd(width)}  ${String(c.votes).padStart(5)} phiếu  ${pct(c.percent).padStart(7)}${c.elected ? '  TRÚNG CỬ' : ''}`,
    );
  }
  lines.push(
    '',
    result.elected.length
      ? `Trúng cử (${result.elected.length}/${result.seats}), theo thứ tự số phiếu: ${result.elected.map((id) => names.get(id)).join(', ')}.`
      : `Không có người trúng cử (0/${result.seats}).`,
  );
  if (result.needsDecision) {
    lines.push(
      '',
      `CẦN ĐẠI HỘI QUYẾT ĐỊNH: ${result.needsDecision.reason}`,
      'Các phương án theo quy định:',
    );
    for (const o of result.needsDecision.options) lines.push(`  - ${o.label}.`);
  }
  lines.push('', 'Căn cứ:');
  for (const c of result.citations) lines.push(`  - ${c.rule} (${c.document}).`);
  return lines.join('\n');
}

/** Runs the command; returns the exit code. */
export function runTallyCommand(args: string[], io: TallyIo = consoleIo): number {
  try {
    let values;
    try {
      ({ values } = parseArgs({
        args,
        options: {
          candidates: { type: 'string' },
          ballots: { type: 'string' },
          seats: { type: 'string' },
          base: { type: 'string' },
          form: { type: 'string' },
          json: { type: 'boolean', default: false },
        },
      }));
    } catch (err) {
      throw new TallyInputError(
        `Tham số không hợp lệ: ${err instanceof Error ? err.message : String(err)}\n\n${tallyUsage}`,
        2,
      );
    }
    if (!values.candidates || !values.ballots) {
      throw new TallyInputError(`Cần --candidates và --ballots.\n\n${tallyUsage}`, 2);
    }
    const seats = positiveInt(values.seats, '--seats', 'số lượng cần bầu');
    const base = positiveInt(values.base, '--base', 'tổng số được triệu tập làm căn cứ');
    if (values.form !== undefined && !ballotForms.includes(values.form as BallotForm)) {
      throw new TallyInputError(
        `--form phải là strike hoặc yesno, không phải "${values.form}".`,
        2,
      );
    }
    const candidates = readCandidates(values.candidates);
    const form = (values.form as BallotForm | undefined) ?? ballotFormFor(seats, candidates.length);
    const ballots = readBallots(values.ballots, form, candidates);
    const result = tally({
      form,
      candidates,
      ballots,
      seats,
      base,
      rules: shippedElectionRules(today()),
    });
    io.out(
      values.json ? JSON.stringify(tallyJson(result, form), null, 2) : tallyText(result, form),
    );
    return 0;
  } catch (err) {
    if (err instanceof TallyInputError) {
      io.err(err.message);
      return err.exitCode;
    }
    if (err instanceof AppError) {
      io.err(err.message);
      return 1;
    }
    throw err;
  }
}

const consoleIo: TallyIo = {
  out: (text) => console.log(text),
  err: (text) => console.error(text),
};
