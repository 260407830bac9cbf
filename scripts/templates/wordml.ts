import PizZip from 'pizzip';

/**
 * A minimal WordprocessingML package (.docx) from a list of blocks: what scripts/make-templates.ts
 * writes for each document, and what tests build broken templates with. Text may hold docxtemplater
 * tags (`{childName}`); each paragraph's text is one run, so a tag is never split.
 */
export type Block =
  | { type: 'title'; text: string }
  | { type: 'heading'; text: string }
  | { type: 'para'; text: string; bold?: boolean; italic?: boolean; small?: boolean }
  /** Static bullet points. */
  | { type: 'bullets'; items: string[] }
  /** Label | value rows; an empty value is a blank row for a person to fill in. */
  | { type: 'fields'; rows: Array<[label: string, value: string]> }
  /** A table with a header row and one row repeated per item of `loop`; `blankRows` more rows to write in. */
  | { type: 'loopTable'; loop: string; columns: Array<[header: string, tag: string]>; blankRows?: number }
  /** A table with a header row and blank rows to write in. */
  | { type: 'blankTable'; columns: string[]; rows: number }
  /** One paragraph per item of `loop`. */
  | { type: 'list'; loop: string; item: string }
  /** A box to write in, under its label. */
  | { type: 'box'; label: string; lines?: number }
  /** Blocks shown only when `condition` is true (or false, when inverted). */
  | { type: 'if'; condition: string; inverted?: boolean; blocks: Block[] };

export interface DocumentSpec {
  title: string;
  blocks: Block[];
}

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const namespaces = [
  `xmlns:w="${W}"`,
  `xmlns:r="${R}"`,
  'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"',
  'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"',
  'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"',
].join(' ');
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** A4 with 2 cm side margins: the text is this wide, in twentieths of a point. */
const TEXT_WIDTH = 9638;
const LABEL_WIDTH = 3200;
const ROW_HEIGHT = 454;
const LABEL_FILL = 'E6EFF1';

export const escapeXml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

interface RunStyle {
  bold?: boolean;
  italic?: boolean;
  small?: boolean;
  colour?: string;
}

function run(text: string, style: RunStyle = {}): string {
  const props = [style.bold ? '<w:b/>' : '', style.italic ? '<w:i/>' : '', style.colour ? `<w:color w:val="${style.colour}"/>` : '', style.small ? '<w:sz w:val="18"/>' : ''].join('');
  return `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ''}<w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r>`;
}

function paragraph(text: string, options: RunStyle & { style?: string } = {}): string {
  const props = options.style ? `<w:pPr><w:pStyle w:val="${options.style}"/></w:pPr>` : '';
  return `<w:p>${props}${text ? run(text, options) : ''}</w:p>`;
}

function cell(width: number, content: string, options: { fill?: string } = {}): string {
  const shading = options.fill ? `<w:shd w:val="clear" w:color="auto" w:fill="${options.fill}"/>` : '';
  return `<w:tc><w:tcPr><w:tcW w:w="${width}" w:type="dxa"/>${shading}</w:tcPr>${content || '<w:p/>'}</w:tc>`;
}

function row(cells: string[], height?: number, header = false): string {
  const props = [height ? `<w:trHeight w:val="${height}"/>` : '', header ? '<w:tblHeader/>' : ''].join('');
  return `<w:tr>${props ? `<w:trPr>${props}</w:trPr>` : ''}${cells.join('')}</w:tr>`;
}

function table(widths: number[], rows: string[]): string {
  const grid = widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('');
  return `<w:tbl><w:tblPr><w:tblStyle w:val="FormTable"/><w:tblW w:w="${TEXT_WIDTH}" w:type="dxa"/><w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>${grid}</w:tblGrid>${rows.join('')}</w:tbl>${paragraph('', { style: 'Spacer' })}`;
}

const evenWidths = (n: number): number[] => {
  const each = Math.floor(TEXT_WIDTH / n);
  return Array.from({ length: n }, (_, i) => (i === n - 1 ? TEXT_WIDTH - each * (n - 1) : each));
};

function headerRow(widths: number[], headers: string[]): string {
  return row(headers.map((h, i) => cell(widths[i] ?? 0, paragraph(h, { bold: true }), { fill: LABEL_FILL })), undefined, true);
}

function blockXml(block: Block): string {
  switch (block.type) {
    case 'title':
      return paragraph(block.text, { style: 'Title' });
    case 'heading':
      return paragraph(block.text, { style: 'Heading1' });
    case 'para':
      return paragraph(block.text, block);
    case 'bullets':
      return block.items.map((item) => paragraph(`•  ${item}`, { style: 'Bullet' })).join('');
    case 'fields': {
      const widths = [LABEL_WIDTH, TEXT_WIDTH - LABEL_WIDTH];
      return table(
        widths,
        block.rows.map(([label, value]) => row([cell(LABEL_WIDTH, paragraph(label, { bold: true }), { fill: LABEL_FILL }), cell(widths[1] ?? 0, paragraph(value))], value ? undefined : ROW_HEIGHT * 2)),
      );
    }
    case 'loopTable': {
      const widths = evenWidths(block.columns.length);
      const last = block.columns.length - 1;
      const repeated = row(
        block.columns.map(([, tag], i) => cell(widths[i] ?? 0, paragraph(`${i === 0 ? `{#${block.loop}}` : ''}${tag}${i === last ? `{/${block.loop}}` : ''}`))),
      );
      const blanks = Array.from({ length: block.blankRows ?? 0 }, () => row(widths.map((w) => cell(w, '')), ROW_HEIGHT));
      return table(widths, [headerRow(widths, block.columns.map(([h]) => h)), repeated, ...blanks]);
    }
    case 'blankTable': {
      const widths = evenWidths(block.columns.length);
      return table(widths, [headerRow(widths, block.columns), ...Array.from({ length: block.rows }, () => row(widths.map((w) => cell(w, '')), ROW_HEIGHT))]);
    }
    case 'list':
      return [paragraph(`{#${block.loop}}`), paragraph(block.item, { style: 'Bullet' }), paragraph(`{/${block.loop}}`)].join('');
    case 'box':
      return table([TEXT_WIDTH], [
        row([cell(TEXT_WIDTH, paragraph(block.label, { bold: true }), { fill: LABEL_FILL })]),
        row([cell(TEXT_WIDTH, '')], ROW_HEIGHT * (block.lines ?? 4)),
      ]);
    case 'if': {
      const tag = `{${block.inverted ? '^' : '#'}${block.condition}}`;
      return [paragraph(tag), ...block.blocks.map(blockXml), paragraph(`{/${block.condition}}`)].join('');
    }
  }
}

const sectionProperties =
  '<w:sectPr><w:headerReference w:type="default" r:id="rIdHeader"/><w:pgSz w:w="11906" w:h="16838"/>' +
  '<w:pgMar w:top="1701" w:right="1134" w:bottom="1134" w:left="1134" w:header="567" w:footer="567" w:gutter="0"/></w:sectPr>';

/** word/document.xml for the blocks. */
export function documentXml(blocks: Block[]): string {
  return `${XML_HEAD}<w:document ${namespaces}><w:body>${blocks.map(blockXml).join('')}${sectionProperties}</w:body></w:document>`;
}

/** The logo, its size in EMU (1 cm = 360000). */
export interface Logo {
  png: Uint8Array;
  widthEmu: number;
  heightEmu: number;
}

function logoRun(logo: Logo): string {
  const { widthEmu: cx, heightEmu: cy } = logo;
  return (
    `<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="${cx}" cy="${cy}"/>` +
    '<wp:docPr id="1" name="Logo" descr="The service\'s logo"/><wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr>' +
    '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic>' +
    '<pic:nvPicPr><pic:cNvPr id="0" name="logo.png"/><pic:cNvPicPr/></pic:nvPicPr>' +
    '<pic:blipFill><a:blip r:embed="rIdLogo"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>' +
    `<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="${cx}" cy="${cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>` +
    '</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>'
  );
}

/** word/header1.xml: the logo and the service's name (a tag), and a confidentiality line. */
export function headerXml(logo: Logo | undefined): string {
  const brand = `<w:p><w:pPr><w:pStyle w:val="Brand"/></w:pPr>${logo ? `${logoRun(logo)}${run('  ')}` : ''}${run('{service}')}</w:p>`;
  return `${XML_HEAD}<w:hdr ${namespaces}>${brand}${paragraph('Confidential: please store and share securely.', { style: 'HeaderNote' })}</w:hdr>`;
}

const stylesXml = `${XML_HEAD}<w:styles xmlns:w="${W}">
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:eastAsia="Calibri" w:cs="Calibri"/><w:sz w:val="22"/><w:szCs w:val="22"/><w:lang w:val="en-GB"/></w:rPr></w:rPrDefault>
<w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:after="240"/></w:pPr><w:rPr><w:b/><w:color w:val="1F4E5F"/><w:sz w:val="40"/><w:szCs w:val="40"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="240" w:after="120"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:color w:val="1F4E5F"/><w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Bullet"><w:name w:val="List Bullet"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:after="60"/><w:ind w:left="360"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Spacer"><w:name w:val="Table Spacer"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:after="0" w:line="120" w:lineRule="exact"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Brand"><w:name w:val="Brand"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:after="0"/></w:pPr><w:rPr><w:b/><w:color w:val="1F4E5F"/><w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="HeaderNote"><w:name w:val="Header Note"/><w:basedOn w:val="Normal"/><w:pPr><w:pBdr><w:bottom w:val="single" w:sz="6" w:space="4" w:color="1F4E5F"/></w:pBdr></w:pPr><w:rPr><w:color w:val="595959"/><w:sz w:val="16"/><w:szCs w:val="16"/></w:rPr></w:style>
<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>
<w:style w:type="table" w:styleId="FormTable"><w:name w:val="Form Table"/><w:basedOn w:val="TableNormal"/><w:pPr><w:spacing w:before="40" w:after="40"/></w:pPr><w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="8FAAB3"/><w:left w:val="single" w:sz="4" w:space="0" w:color="8FAAB3"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="8FAAB3"/><w:right w:val="single" w:sz="4" w:space="0" w:color="8FAAB3"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="8FAAB3"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="8FAAB3"/></w:tblBorders></w:tblPr></w:style>
</w:styles>`;

const contentTypes = (withLogo: boolean): string =>
  `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  (withLogo ? '<Default Extension="png" ContentType="image/png"/>' : '') +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
  '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>' +
  '<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>' +
  '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
  '</Types>';

const relationships = (rels: Array<[id: string, type: string, target: string]>): string =>
  `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels
    .map(([id, type, target]) => `<Relationship Id="${id}" Type="${type}" Target="${target}"/>`)
    .join('')}</Relationships>`;

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

const coreXml = (title: string): string =>
  `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">` +
  `<dc:title>${escapeXml(title)}</dc:title><dc:creator>Outreach Cases</dc:creator></cp:coreProperties>`;

/** The files' date inside the zip: fixed, so that the same spec always gives the same bytes. */
const FIXED_DATE = new Date(Date.UTC(2026, 0, 1));

/** The .docx package for a document: its parts, zipped. `documentXmlOverride` replaces word/document.xml (tests). */
export function buildDocx(spec: DocumentSpec, logo?: Logo, documentXmlOverride?: string): Uint8Array {
  const zip = new PizZip();
  const add = (name: string, content: string | Uint8Array) => zip.file(name, content, { date: FIXED_DATE, createFolders: false });
  add('[Content_Types].xml', contentTypes(logo !== undefined));
  add('_rels/.rels', relationships([
    ['rId1', `${REL}/officeDocument`, 'word/document.xml'],
    ['rId2', 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties', 'docProps/core.xml'],
  ]));
  add('docProps/core.xml', coreXml(spec.title));
  add('word/document.xml', documentXmlOverride ?? documentXml(spec.blocks));
  add('word/styles.xml', stylesXml);
  add('word/header1.xml', headerXml(logo));
  add('word/_rels/document.xml.rels', relationships([
    ['rIdStyles', `${REL}/styles`, 'styles.xml'],
    ['rIdHeader', `${REL}/header`, 'header1.xml'],
  ]));
  if (logo) {
    add('word/_rels/header1.xml.rels', relationships([['rIdLogo', `${REL}/image`, 'media/logo.png']]));
    add('word/media/logo.png', logo.png);
  }
  return zip.generate({ type: 'uint8array', compression: 'DEFLATE' });
}
