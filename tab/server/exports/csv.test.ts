import { PassThrough } from 'node:stream';
import { csvCell, csvLine, writeCsv } from './csv';
import { sheetName } from './xlsx';

describe('CSV cells (RFC 4180, formulas defused)', () => {
  it.each([
    ['plain', 'plain'],
    ['a, b', '"a, b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['=1+1', "'=1+1"],
    ['+44 1234', "'+44 1234"],
    ['-5', "'-5"],
    ['@cmd', "'@cmd"],
    ['\tTabbed', "'\tTabbed"],
    ['\rReturn', "\"'\rReturn\""],
    ['=A1,"x"', '"\'=A1,""x"""'],
    ['Zoë 北京', 'Zoë 北京'],
  ])('%j is written %j', (given, written) => {
    expect(csvCell(given)).toBe(written);
  });

  it('numbers as numbers (a negative number is not text to defuse); empty for null, undefined and not-a-number', () => {
    expect([csvCell(-2.5), csvCell(0), csvCell(null), csvCell(undefined), csvCell(Number.NaN)]).toEqual(['-2.5', '0', '', '', '']);
    expect(csvLine(['a', 1, null])).toBe('a,1,\r\n');
  });

  it('starts with the UTF-8 byte order mark', async () => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    await writeCsv(out, [{ id: 't', title: 'T', description: 'd', columns: [{ key: 'a', label: 'A', kind: 'text' }], rows: [{ a: 'x' }] }]);
    expect(Buffer.concat(chunks).toString('utf8')).toBe('\uFEFFA\r\nx\r\n');
  });
});

describe('sheet names', () => {
  it('at most 31 characters, none of []:*?/\\, distinct without regard to case', () => {
    expect(sheetName('a'.repeat(40), new Set())).toHaveLength(31);
    expect(sheetName('a:b/c', new Set())).toBe('a-b-c');
    expect(sheetName('hours', new Set(['hours']))).toBe('hours-2');
  });
});
