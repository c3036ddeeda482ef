import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { runTallyCommand } from './tally.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'canbo-tally-test-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

let n = 0;
function file(content: string | Buffer): string {
  const p = path.join(dir, `f${++n}.csv`);
  fs.writeFileSync(p, content);
  return p;
}

function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = runTallyCommand(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const candidates = file(
  'id,name\nc1,Nguyễn Văn An\nc2,Trần Thị Bình\nc3,Lê Văn Cường\nc4,"Phạm Thị Dung, trưởng ban"\n',
);
// 8 summoned; c1 5, c2 4, c3 4, c4 1; ballot 4 not issued, ballot 5 nothing struck
const strikeBallots = file(
  'ballot,issued,struck\n1,1,c4\n2,1,c3\n3,1,c4\n4,0,c1\n5,1,\n6,1,c2;c4\n7,1,c4\n',
);

describe('canbo tally — results', () => {
  it('prints a readable Vietnamese result with percentages of the base', () => {
    const r = run([
      '--candidates',
      candidates,
      '--ballots',
      strikeBallots,
      '--seats',
      '3',
      '--base',
      '8',
    ]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('KẾT QUẢ KIỂM PHIẾU — Phiếu gạch tên');
    expect(r.out).toContain('Số phiếu thu vào: 7; hợp lệ: 5; không hợp lệ: 2.');
    expect(r.out).toContain('Phiếu 4: Phiếu không do ban kiểm phiếu phát ra.');
    expect(r.out).toMatch(/1\. Nguyễn Văn An\s+5 phiếu\s+62,50%\s+TRÚNG CỬ/);
    expect(r.out).toMatch(/2\. Trần Thị Bình\s+4 phiếu\s+50,00%\n/);
    expect(r.out).toContain('CẦN ĐẠI HỘI QUYẾT ĐỊNH: Chỉ 1/3 người');
    expect(r.out).toContain('Quy định 190-QĐ/TW');
  });

  it('--json prints one object with the fields of the interface', () => {
    const r = run([
      '--candidates',
      candidates,
      '--ballots',
      strikeBallots,
      '--seats',
      '3',
      '--base',
      '8',
      '--json',
    ]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json).toMatchObject({
      form: 'strike',
      base: 8,
      seats: 3,
      returned: 7,
      valid: 5,
      invalid: 2,
      elected: ['c1'],
      needsDecision: true,
      reason: expect.stringContaining('Chỉ 1/3'),
    });
    expect(json.invalidBallots).toEqual([
      { ballot: '4', code: 'not_issued', reason: 'Phiếu không do ban kiểm phiếu phát ra' },
      { ballot: '5', code: 'nothing_struck', reason: expect.any(String) },
    ]);
    expect(json.candidates).toEqual([
      { id: 'c1', name: 'Nguyễn Văn An', votes: 5, percent: 62.5, elected: true, rank: 1 },
      { id: 'c2', name: 'Trần Thị Bình', votes: 4, percent: 50, elected: false, rank: 2 },
      { id: 'c3', name: 'Lê Văn Cường', votes: 4, percent: 50, elected: false, rank: 2 },
      {
        id: 'c4',
        name: 'Phạm Thị Dung, trưởng ban',
        votes: 1,
        percent: 12.5,
        elected: false,
        rank: 4,
      },
    ]);
    expect(json.decision.options.map((o: { code: string }) => o.code)).toEqual([
      'another_round',
      'stop',
    ]);
  });

  it('a tie at the last seat is reported, not decided', () => {
    const ballots = file(
      'ballot,issued,struck\n1,1,c3;c4\n2,1,c2;c4\n3,1,c3;c4\n4,1,c2;c4\n5,1,c1;c4\n',
    );
    const r = run([
      '--candidates',
      candidates,
      '--ballots',
      ballots,
      '--seats',
      '2',
      '--base',
      '5',
      '--json',
    ]);
    const json = JSON.parse(r.out);
    // c1 4 (elected), c2 3 and c3 3 (60% each) tie for the second seat
    expect(json.elected).toEqual(['c1']);
    expect(json.needsDecision).toBe(true);
    expect(json.decision.code).toBe('tie_at_last_seat');
    expect(json.decision.tiedCandidateIds).toEqual(['c2', 'c3']);
  });

  it('no decision needed: needsDecision false and reason null', () => {
    const ballots = file('ballot,issued,struck\n1,1,c4\n2,1,c4\n');
    const json = JSON.parse(
      run([
        '--candidates',
        candidates,
        '--ballots',
        ballots,
        '--seats',
        '3',
        '--base',
        '3',
        '--json',
      ]).out,
    );
    expect(json).toMatchObject({ elected: ['c1', 'c2', 'c3'], needsDecision: false, reason: null });
  });

  it('the yes/no form: chosen by default without surplus; both or neither marked is not counted', () => {
    const three = file(
      '\uFEFFid,name\r\nc1,Nguyễn Văn An\r\nc2,Trần Thị Bình\r\nc3,Lê Văn Cường\r\n',
    );
    const ballots = file(
      'ballot,issued,agree,disagree\r\n1,1,c1;c2;c3,\r\n2,1,c1;c2,c2\r\n3,1,c1,\r\n4,0,c1;c2;c3,\r\n',
    );
    const r = run([
      '--candidates',
      three,
      '--ballots',
      ballots,
      '--seats',
      '3',
      '--base',
      '4',
      '--json',
    ]);
    expect(r.err).toBe('');
    const json = JSON.parse(r.out);
    expect(json.form).toBe('yesno');
    expect(json.candidates.map((c: { votes: number }) => c.votes)).toEqual([3, 1, 1]);
    expect(json).toMatchObject({ valid: 3, invalid: 1, elected: ['c1'], needsDecision: true });
    // the strike header is refused for a yes/no list
    const wrong = run([
      '--candidates',
      three,
      '--ballots',
      strikeBallots,
      '--seats',
      '3',
      '--base',
      '9',
    ]);
    expect(wrong.code).toBe(1);
    expect(wrong.err).toContain('thiếu cột "agree", "disagree"');
  });
  it('a file with quoted cells (read by csv-parse) counts the same as one without', () => {
    const quoted = file(
      'ballot,issued,struck\n"1",1,c4\n2,1,"c3"\n3,1,c4\n4,0,c1\n5,1,""\n6,1,"c2;c4"\n7,1,c4\n',
    );
    const args = ['--seats', '3', '--base', '8', '--json', '--candidates', candidates];
    expect(run([...args, '--ballots', quoted]).out).toBe(
      run([...args, '--ballots', strikeBallots]).out,
    );
  });
});

describe('canbo tally — bad files stop with a message naming the row', () => {
  const args = (c: string, b: string, more: string[] = []) => [
    '--candidates',
    c,
    '--ballots',
    b,
    '--seats',
    '3',
    '--base',
    '8',
    ...more,
  ];

  it('missing columns', () => {
    const r = run(args(file('id,ten\nc1,An\n'), strikeBallots));
    expect(r.code).toBe(1);
    expect(r.err).toContain('dòng 1 (tiêu đề): thiếu cột "name"');
    const b = run(args(candidates, file('ballot,struck\n1,c1\n')));
    expect(b.code).toBe(1);
    expect(b.err).toContain('thiếu cột "issued"');
  });

  it('unknown candidate ids', () => {
    const r = run(args(candidates, file('ballot,issued,struck\n1,1,c4\n2,1,c9;c4\n')));
    expect(r.code).toBe(1);
    expect(r.err).toContain(
      'dòng 3 (phiếu 2), cột struck: mã "c9" không có trong danh sách ứng cử viên.',
    );
  });

  it('duplicate ballot serials and duplicate candidate ids', () => {
    const r = run(args(candidates, file('ballot,issued,struck\n1,1,c4\n2,1,c3\n1,1,c2\n')));
    expect(r.code).toBe(1);
    expect(r.err).toContain('dòng 4: số phiếu "1" trùng với dòng 2.');
    const c = run(args(file('id,name\nc1,An\nc2,Bình\nc1,Cường\n'), strikeBallots));
    expect(c.code).toBe(1);
    expect(c.err).toContain('dòng 4: mã "c1" trùng với dòng 2.');
  });

  it('non-UTF-8 files name the first bad line', () => {
    const latin1 = Buffer.concat([
      Buffer.from('id,name\nc1,An\nc2,'),
      Buffer.from([0x54, 0x72, 0xe2, 0x6e]), // "Trân" in Latin-1: not UTF-8
      Buffer.from('\n'),
    ]);
    const r = run(args(file(latin1), strikeBallots));
    expect(r.code).toBe(1);
    expect(r.err).toContain('không phải văn bản UTF-8 (lỗi mã hóa ở dòng 3)');
  });

  it('a bad issued value, an empty serial, and a missing file', () => {
    expect(run(args(candidates, file('ballot,issued,struck\n1,có,c4\n'))).err).toContain(
      'dòng 2 (phiếu 1): cột issued phải là 1',
    );
    expect(run(args(candidates, file('ballot,issued,struck\n,1,c4\n'))).err).toContain(
      'dòng 2: thiếu số phiếu',
    );
    const missing = run(args(path.join(dir, 'none.csv'), strikeBallots));
    expect(missing).toMatchObject({ code: 1, err: expect.stringContaining('Không đọc được tệp') });
  });

  it('a broken quoted cell names its line', () => {
    const r = run(args(candidates, file('ballot,issued,struck\n1,1,c4\n2,1,"c3\n')));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/không đọc được dạng CSV ở dòng \d/);
  });

  it('more issued ballots than the base', () => {
    const r = run([
      '--candidates',
      candidates,
      '--ballots',
      strikeBallots,
      '--seats',
      '3',
      '--base',
      '5',
    ]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('nhiều hơn tổng số được triệu tập làm căn cứ (5)');
  });

  it('bad arguments exit 2 with the usage', () => {
    expect(
      run(['--candidates', candidates, '--ballots', strikeBallots, '--seats', '0', '--base', '8']),
    ).toMatchObject({
      code: 2,
      err: expect.stringContaining('--seats phải là số nguyên dương'),
    });
    expect(run(['--candidates', candidates, '--seats', '3', '--base', '8']).code).toBe(2);
    expect(run(args(candidates, strikeBallots, ['--form', 'x'])).err).toContain(
      'strike hoặc yesno',
    );
    expect(run(args(candidates, strikeBallots, ['--bogus'])).code).toBe(2);
  });
});

describe('npm run cli -- tally (a real process)', () => {
  it('runs through canbo.ts and exits non-zero on a bad file', async () => {
    const exec = promisify(execFile);
    const cli = ['--import', 'tsx', path.resolve(import.meta.dirname, 'canbo.ts'), 'tally'];
    const ok = await exec(process.execPath, [
      ...cli,
      '--candidates',
      candidates,
      '--ballots',
      strikeBallots,
      '--seats',
      '3',
      '--base',
      '8',
      '--json',
    ]);
    expect(JSON.parse(ok.stdout).elected).toEqual(['c1']);
    const bad = await exec(process.execPath, [
      ...cli,
      '--candidates',
      candidates,
      '--ballots',
      file('ballot,issued,struck\n1,1,zz\n'),
      '--seats',
      '3',
      '--base',
      '8',
    ]).catch((e: { code: number; stderr: string }) => e);
    expect(bad).toMatchObject({ code: 1, stderr: expect.stringContaining('mã "zz"') });
  }, 120_000);
});
