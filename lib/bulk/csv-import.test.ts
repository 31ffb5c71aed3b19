import { describe, expect, test } from 'vitest';
import { parseDomainList } from '@/lib/report/domain-list';
import {
  type CsvImport,
  checkColumn,
  columnsWithin,
  columnToEntries,
  firstRowNumber,
  otherColumns,
  readDomainFile,
} from './csv-import';

const utf8 = (text: string) => new TextEncoder().encode(text);
const withBom = (text: string) => new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]);
function utf16(text: string, endian: 'le' | 'be'): Uint8Array {
  const bytes = [endian === 'le' ? 0xff : 0xfe, endian === 'le' ? 0xfe : 0xff];
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (endian === 'le') bytes.push(code & 0xff, code >> 8);
    else bytes.push(code >> 8, code & 0xff);
  }
  return new Uint8Array(bytes);
}

function csv(name: string, bytes: Uint8Array, lang?: string): CsvImport {
  const file = readDomainFile(name, bytes, { lang });
  if (file.kind !== 'csv') throw new Error(`expected csv, got ${JSON.stringify(file)}`);
  return file;
}

describe('readDomainFile: text files and decoding', () => {
  test.each([
    { label: 'UTF-8', bytes: utf8('contoso.test\nfabrikam.test\n') },
    { label: 'UTF-8 with BOM', bytes: withBom('contoso.test\nfabrikam.test\n') },
    { label: 'UTF-16 LE with BOM', bytes: utf16('contoso.test\nfabrikam.test\n', 'le') },
    { label: 'UTF-16 BE with BOM', bytes: utf16('contoso.test\nfabrikam.test\n', 'be') },
  ])('$label', ({ bytes }) => {
    expect(readDomainFile('list.txt', bytes)).toEqual({ kind: 'text', text: 'contoso.test\nfabrikam.test\n' });
  });

  test('a UTF-16 CSV with a Chinese header is decoded and parsed', () => {
    const file = csv('域名.csv', utf16('域名\tOwner\r\n例子.test\tann\r\n', 'le'));
    expect(file.delimiter).toBe('\t');
    expect(file.header).toEqual(['域名', 'Owner']);
    expect(file.rows).toEqual([['例子.test', 'ann']]);
  });
});

describe('readDomainFile: GB18030 / GBK (Chinese Excel\'s "CSV")', () => {
  // '公司,域名\r\n北京示例有限公司,例子.test\r\n上海测试,ok-ww.test\r\n' saved by Chinese Excel (GB18030).
  const gb18030 = Uint8Array.from(
    Buffer.from(
      'b9abcbbe2cd3f2c3fb0d0ab1b1bea9cabec0fdd3d0cfdeb9abcbbe2cc0fdd7d32e746573740d0ac9cfbaa3b2e2cad42c6f6b2d77772e746573740d0a',
      'hex',
    ),
  );

  test('is decoded, not rejected: header, cells and the domain column read right', () => {
    const file = csv('客户.csv', gb18030);
    expect(file.header).toEqual(['公司', '域名']);
    expect(file.rows).toEqual([
      ['北京示例有限公司', '例子.test'],
      ['上海测试', 'ok-ww.test'],
    ]);
    expect(file.suggestedColumn).toBe(1);
  });

  test('valid UTF-8 is still read as UTF-8 (tried first)', () => {
    expect(csv('a.csv', utf8('公司,域名\n示例,例子.test\n')).header).toEqual(['公司', '域名']);
  });
});

describe('readDomainFile: bad files each get a clear message', () => {
  const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]);
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]);
  const controls = utf8(`${'\u0001\u0002\u0003\u0004'.repeat(10)}contoso.test`);
  test.each([
    { label: 'empty file', name: 'a.csv', bytes: new Uint8Array(), code: 'empty', text: 'a.csv is empty' },
    { label: 'BOM and spaces only', name: 'a.txt', bytes: withBom(' \r\n\t\n'), code: 'empty', text: 'is empty' },
    { label: 'CSV of empty cells', name: 'a.csv', bytes: utf8(',,\n,,\n'), code: 'empty', text: 'is empty' },
    { label: 'binary (NUL bytes)', name: 'a.csv', bytes: png, code: 'binary', text: 'not a text file' },
    { label: 'binary (control chars)', name: 'a.txt', bytes: controls, code: 'binary', text: 'binary data' },
    { label: 'Excel workbook', name: 'list.csv', bytes: zip, code: 'spreadsheet', text: 'CSV UTF-8' },
    {
      label: 'not UTF-8',
      name: 'a.csv',
      bytes: new Uint8Array([0x63, 0xe9, 0x2e, 0x74, 0x0a]),
      code: 'encoding',
      text: 'UTF-8',
    },
    {
      label: 'other extension',
      name: 'list.pdf',
      bytes: utf8('contoso.test'),
      code: 'unsupported-type',
      text: 'list.pdf is not a .txt or .csv',
    },
    {
      label: 'bad quoting names the line',
      name: 'a.csv',
      bytes: utf8('domain\ncontoso.test\n"fabrikam.test\nx.test\n'),
      code: 'bad-quoting',
      text: 'starting on line 3. Nothing was imported',
    },
    {
      label: 'text after a closing quote names the line',
      name: 'a.csv',
      bytes: utf8('domain\n"contoso.test"x\n'),
      code: 'bad-field',
      text: 'on line 2',
    },
  ])('$label → $code', ({ name, bytes, code, text }) => {
    const file = readDomainFile(name, bytes);
    expect(file.kind).toBe('error');
    if (file.kind !== 'error') return;
    expect(file.code).toBe(code);
    expect(file.message).toContain(text);
    expect(file.message).not.toContain('bulk.import');
  });

  test('the message follows the language', () => {
    const file = readDomainFile('a.csv', utf8('"x\n'), { lang: 'zh-CN' });
    expect(file).toMatchObject({ kind: 'error', code: 'bad-quoting', line: 1 });
    if (file.kind === 'error') expect(file.message).toContain('第 1 行');
  });
});

describe('readDomainFile: header and suggested column', () => {
  test.each([
    {
      label: 'Domain header',
      text: 'Name,Domain\nAnn,contoso.test\nBob,fabrikam.test\n',
      header: ['Name', 'Domain'],
      column: 1,
    },
    {
      label: 'Domain Name header, no domains yet',
      text: 'Owner;Domain Name\nAnn;\n',
      header: ['Owner', 'Domain Name'],
      column: 1,
    },
    { label: '域名 header', text: '客户,域名\n甲,例子.test\n', header: ['客户', '域名'], column: 1 },
    {
      label: 'unnamed header found by content',
      text: 'who,what\nAnn,contoso.test\n',
      header: ['who', 'what'],
      column: 1,
    },
    {
      label: 'e-mail column',
      text: 'id,mail\n1,ann@contoso.test\n2,bob@fabrikam.test\n',
      header: ['id', 'mail'],
      column: 1,
    },
    { label: 'URL column', text: 'n,site\n1,https://contoso.test/x\n', header: ['n', 'site'], column: 1 },
    { label: 'no header', text: 'contoso.test,1\nfabrikam.test,2\n', header: null, column: 0 },
    { label: 'single row, no header', text: 'contoso.test\n', header: null, column: 0 },
    { label: 'nothing domain-like', text: 'a,b\n1,2\n', header: null, column: null },
  ])('$label', ({ text, header, column }) => {
    const file = csv('x.csv', utf8(text));
    expect(file.header).toEqual(header);
    expect(file.suggestedColumn).toBe(column);
  });

  test('preview holds the first 5 non-blank rows after the header', () => {
    const lines = ['domain', 'a1.test', '', 'a2.test', 'a3.test', 'a4.test', 'a5.test', 'a6.test'];
    const file = csv('x.csv', utf8(lines.join('\n')));
    expect(file.preview).toEqual([['a1.test'], ['a2.test'], ['a3.test'], ['a4.test'], ['a5.test']]);
    expect(file.rows).toHaveLength(7);
  });
});

describe('columnToEntries: line numbers are spreadsheet rows', () => {
  test.each([
    {
      label: 'with a header row',
      text: 'Owner,Domain\nAnn,contoso.test\nBob,bad!name\n,\nCy,"fabrikam.test"\n',
      first: 2,
      invalidLines: [3],
      domainLines: [2, 5],
    },
    {
      label: 'without a header, a multi-line cell counts as one row',
      text: 'contoso.test,"note\nover two lines"\nbad!name,x\nfabrikam.test,y\n',
      first: 1,
      invalidLines: [2],
      domainLines: [1, 3],
    },
  ])('$label', ({ text, first, invalidLines, domainLines }) => {
    const file = csv('x.csv', utf8(text));
    expect(firstRowNumber(file)).toBe(first);
    const column = file.suggestedColumn ?? -1;
    const list = parseDomainList(columnToEntries(file, column), { allowTestDomains: true, maxDomains: 10 });
    expect(list.invalid.map((entry) => entry.line)).toEqual(invalidLines);
    expect(list.domains.map((entry) => entry.line)).toEqual(domainLines);
  });

  test('a missing cell is an empty entry', () => {
    expect(columnToEntries({ header: null, rows: [['a', 'b'], ['c']] }, 1)).toEqual(['b', '']);
  });
});

describe('checkColumn: the wrong-column signal', () => {
  const file = csv('x.csv', utf8('Owner,Domain,Note\nAnn,contoso.test,x\nBob,fabrikam.test,a.test\nCy,b.test,\n'));
  test.each([
    { label: 'the domain column', column: 1, code: null },
    { label: 'a name column', column: 0, code: 'wrong-column' },
    { label: 'a column with one domain in two', column: 2, code: null },
    { label: 'a column that does not exist', column: 7, code: 'no-column' },
  ])('$label', ({ column, code }) => {
    expect(checkColumn(file, column)?.code ?? null).toBe(code);
  });

  test('the message names the column and the counts', () => {
    const warning = checkColumn(file, 0);
    expect(warning).toMatchObject({ matching: 0, total: 3 });
    expect(warning?.message).toContain('Column “Owner” does not look like domain names: only 0 of its 3');
  });

  test.each([
    { label: '1 domain in 5 cells (20%) passes', cells: ['a.test', 'x', 'x', 'x', 'x'], code: null },
    { label: '1 domain in 6 cells (17%) is flagged', cells: ['a.test', 'x', 'x', 'x', 'x', 'x'], code: 'wrong-column' },
    { label: 'blank cells do not count', cells: ['a.test', '', '', '', '', '', 'x'], code: null },
  ])('$label', ({ cells, code }) => {
    const rows = cells.map((cell) => [cell]);
    expect(checkColumn({ header: null, rows }, 0)?.code ?? null).toBe(code);
  });

  test('a column of empty cells is the wrong column', () => {
    expect(
      checkColumn(
        {
          header: null,
          rows: [
            ['a.test', ''],
            ['b.test', ''],
          ],
        },
        1,
      )?.code,
    ).toBe('wrong-column');
  });
});

describe('otherColumns: the uploaded file’s other cells, one list per entry of columnToEntries', () => {
  test('with a header: named columns, the header line has no cells', () => {
    const file = {
      header: ['company', 'domain', 'owner'],
      rows: [
        ['Contoso', 'contoso.test', 'Ann'],
        ['Fab', 'fab.test'],
      ],
    };
    expect(columnToEntries(file, 1)).toHaveLength(3);
    expect(otherColumns(file, 1)).toEqual({
      names: ['company', 'owner'],
      values: [[], ['Contoso', 'Ann'], ['Fab', '']],
    });
  });

  test('without a header: unnamed columns; none left: null; long cells cut', () => {
    const file = { header: null, rows: [['contoso.test', 'x'.repeat(600)]] };
    const columns = otherColumns(file, 0);
    expect(columns?.names).toEqual(['']);
    expect(columns?.values[0]?.[0]).toHaveLength(500);
    expect(otherColumns({ header: null, rows: [['contoso.test']] }, 0)).toBeNull();
  });
});

describe('columnsWithin: the other columns only when the run body stays under its limit', () => {
  const columns = { names: ['company'], values: [['x'.repeat(400)], ['y'.repeat(400)]] };
  test.each([
    { label: 'room to spare', limit: 10_000, kept: true },
    { label: 'over the limit', limit: 4_500, kept: false },
  ])('$label', ({ limit, kept }) => {
    expect(columnsWithin(['a.test', 'b.test'], columns, limit) !== null).toBe(kept);
  });
  test('no columns', () => expect(columnsWithin(['a.test'], null, 10_000)).toBeNull());
});
