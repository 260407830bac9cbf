import { fileNameFromDisposition } from './download';

describe('the file name of a download', () => {
  it('reads the plain and the UTF-8 forms, the UTF-8 one first', () => {
    expect(fileNameFromDisposition('attachment; filename="figures-2025-26.xlsx"', 'x')).toBe('figures-2025-26.xlsx');
    expect(fileNameFromDisposition('attachment; filename=figures.csv', 'x')).toBe('figures.csv');
    expect(fileNameFromDisposition(`attachment; filename="a.csv"; filename*=UTF-8''figures%20%C2%A3.csv`, 'x')).toBe('figures £.csv');
  });

  it('falls back when there is none, and never keeps a folder', () => {
    expect(fileNameFromDisposition(null, 'export.xlsx')).toBe('export.xlsx');
    expect(fileNameFromDisposition('attachment', 'export.xlsx')).toBe('export.xlsx');
    expect(fileNameFromDisposition('attachment; filename="../../etc/passwd"', 'x')).toBe('passwd');
  });
});
