import { MAX_UPLOAD_BYTES, uploadNameRule, uploadSizeRule } from './uploadRules';

const refused = (name: string) => {
  const result = uploadNameRule(name);
  return result.ok ? undefined : result.error;
};

describe('rule "File names" for uploads from the tab', () => {
  it('takes names in any script, as given, in their composed form', () => {
    for (const name of ['Отчёт за четверть.pdf', '東京の絵.png', 'تقرير المدرسة.docx', 'Ωμέγα notes.txt', 'Seán O\'Connor (draft) #2 100%.pdf', 'Drawing 🎨.jpg']) {
      expect(uploadNameRule(name)).toEqual({ ok: true, value: name });
    }
    const decomposed = 'Cafe\u0301 plan.pdf';
    expect(uploadNameRule(decomposed)).toEqual({ ok: true, value: 'Café plan.pdf' });
  });

  it('refuses a folder in the name, what SharePoint refuses, control characters, dots or spaces at either end, names it keeps, more than 200 characters', () => {
    expect(refused('reports/plan.pdf')?.message).toContain('folder');
    expect(refused('..\\plan.pdf')?.message).toContain('folder');
    for (const ch of ['"', '*', ':', '<', '>', '?', '|', '\u0000', '\u001f', '\u007f']) expect(refused(`plan${ch}.pdf`)?.code).toBe('ValidationFailed');
    for (const name of [' plan.pdf', 'plan.pdf ', '.plan.pdf', 'plan.pdf.', '', '\u00a0plan.pdf']) expect(refused(name)).toMatchObject({ code: 'ValidationFailed', field: 'fileName' });
    for (const name of ['CON.pdf', 'nul', 'desktop.ini', 'a_vti_b.pdf', '~$plan.docx', 'LPT1.txt']) expect(refused(name)?.message).toContain('keeps for itself');
    expect(uploadNameRule(`${'é'.repeat(196)}.pdf`).ok).toBe(true);
    expect(refused(`${'é'.repeat(197)}.pdf`)?.message).toContain('200 characters');
    // Counted in characters, not UTF-16 units: 196 emoji and ".pdf" is 200.
    expect(uploadNameRule(`${'🎨'.repeat(196)}.pdf`).ok).toBe(true);
  });

  it('refuses an empty file and one over 50 MB, in words', () => {
    expect(uploadSizeRule('a.pdf', 0)).toMatchObject({ ok: false, error: { code: 'ValidationFailed' } });
    expect(uploadSizeRule('a.pdf', MAX_UPLOAD_BYTES).ok).toBe(true);
    expect(uploadSizeRule('a.pdf', MAX_UPLOAD_BYTES + 1)).toMatchObject({ ok: false, error: { code: 'FileTooLarge', message: expect.stringContaining('50 MB') } });
  });
});
