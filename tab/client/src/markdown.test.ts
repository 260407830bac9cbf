import { markdownToHtml } from './markdown';

describe('card Markdown', () => {
  it('renders bold, italic, links and lists', () => {
    expect(markdownToHtml('**Due** _today_')).toBe('<p><strong>Due</strong> <em>today</em></p>');
    expect(markdownToHtml('[Form](https://x.test/a?b=1&c=2)')).toBe('<p><a href="https://x.test/a?b=1&amp;c=2" target="_blank" rel="noopener noreferrer">Form</a></p>');
    expect(markdownToHtml('- one\n- two\nend')).toBe('<ul><li>one</li><li>two</li></ul><p>end</p>');
    expect(markdownToHtml('1. first\n2. second')).toBe('<ol><li>first</li><li>second</li></ol>');
  });

  it('never lets markup or script links through', () => {
    expect(markdownToHtml('<img src=x onerror=alert(1)>')).toBe('<p>&lt;img src=x onerror=alert(1)&gt;</p>');
    expect(markdownToHtml('[x](javascript:alert(1))')).not.toContain('href');
  });
});
