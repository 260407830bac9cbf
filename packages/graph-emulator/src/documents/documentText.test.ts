import { convertibleSource, docxParagraphs } from './documentText';

describe('the text of a document, for its PDF', () => {
  it('reads a WordprocessingML body\'s paragraphs in order: runs joined, tabs and breaks kept, tab stops and deleted text left out, entities decoded', () => {
    const xml = `<w:document><w:body>
      <w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr><w:r><w:t>Name:</w:t></w:r><w:r><w:tab/><w:t xml:space="preserve">A &amp; B </w:t></w:r><w:r><w:t>&lt;C&gt;</w:t></w:r></w:p>
      <w:p/>
      <w:p><w:r><w:t>line one</w:t><w:br/><w:t>line two</w:t></w:r><w:del><w:r><w:delText>gone</w:delText></w:r></w:del></w:p>
      <w:tbl><w:tr><w:tc><w:p><w:r><w:t>cell 1</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>cell 2</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
      <w:sectPr/></w:body></w:document>`;
    expect(docxParagraphs(xml)).toEqual(['Name:    A & B <C>', '', 'line one\nline two', 'cell 1', 'cell 2']);
  });

  it('knows what it cannot convert', () => {
    expect(convertibleSource('photo.png', Buffer.from([1, 2, 3])).kind).toBe('unsupported');
    expect(convertibleSource('noextension', Buffer.from('x')).kind).toBe('unsupported');
    expect(convertibleSource('fake.pdf', Buffer.from('hello')).kind).toBe('unsupported');
    expect(convertibleSource('notes.txt', Buffer.from('a\r\nb')).kind === 'text' && convertibleSource('notes.txt', Buffer.from('a\r\nb'))).toMatchObject({ paragraphs: ['a', 'b'] });
    expect(convertibleSource('page.html', Buffer.from('<p>One &amp; two</p><script>x()</script><p>Three</p>'))).toMatchObject({ kind: 'text', paragraphs: ['One & two', 'Three', ''] });
  });
});
