import { XMLParser, XMLValidator } from 'fast-xml-parser';

/**
 * A minimal, lossless XML element tree for S3 request bodies: element names, children in document order,
 * and text exactly as written (entities decoded, whitespace kept). Attributes are ignored (only xmlns is sent).
 */
export interface XmlElement {
  name: string;
  children: XmlElement[];
  /** Concatenated character data of this element (text + CDATA), entities decoded, untrimmed. */
  text: string;
}

export type XmlTreeResult = { ok: true; root: XmlElement } | { ok: false; detail: string };

type OrderedNode = Record<string, unknown>;

// Entity processing is OFF in the parser (no DOCTYPE expansion, no "billion laughs"); the five predefined
// entities and character references are decoded here, anything else is an error.
const PREDEFINED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(raw: string): string | undefined {
  let failed = false;
  const decoded = raw.replace(/&([^;&\s]*);?/g, (match, body: string) => {
    if (!match.endsWith(';')) {
      failed = true;
      return match;
    }
    if (body in PREDEFINED_ENTITIES) return PREDEFINED_ENTITIES[body];
    const hex = /^#x([0-9a-fA-F]+)$/.exec(body);
    const dec = /^#([0-9]+)$/.exec(body);
    const codePoint = hex ? parseInt(hex[1], 16) : dec ? parseInt(dec[1], 10) : NaN;
    if (!Number.isFinite(codePoint) || codePoint > 0x10ffff || !isXmlChar(codePoint)) {
      failed = true;
      return match;
    }
    return String.fromCodePoint(codePoint);
  });
  return failed ? undefined : decoded;
}

function isXmlChar(cp: number): boolean {
  return cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || cp >= 0x10000;
}

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: true,
  processEntities: false,
  htmlEntities: false,
  trimValues: false,
  parseTagValue: false,
  cdataPropName: '#cdata',
  commentPropName: '#comment',
  ignoreDeclaration: true,
  ignorePiTags: true,
});

function toElement(name: string, rawChildren: unknown): XmlElement | string {
  const element: XmlElement = { name, children: [], text: '' };
  if (!Array.isArray(rawChildren)) return `element <${name}> has no content list`;
  for (const child of rawChildren as OrderedNode[]) {
    for (const [key, value] of Object.entries(child)) {
      if (key === ':@' || key === '#comment') continue;
      if (key === '#text') {
        const decoded = decodeEntities(String(value));
        if (decoded === undefined) return `invalid entity reference in <${name}>`;
        element.text += decoded;
      } else if (key === '#cdata') {
        for (const part of value as OrderedNode[]) element.text += String(part['#text'] ?? '');
      } else {
        const sub = toElement(key, value);
        if (typeof sub === 'string') return sub;
        element.children.push(sub);
      }
    }
  }
  return element;
}

/** Parses a document with exactly one root element. DTDs are refused. */
export function parseXmlTree(xml: string): XmlTreeResult {
  if (/<!DOCTYPE/i.test(xml)) return { ok: false, detail: 'DTDs are not allowed' };
  const valid = XMLValidator.validate(xml);
  if (valid !== true) return { ok: false, detail: valid.err.msg };
  let nodes: OrderedNode[];
  try {
    nodes = parser.parse(xml) as OrderedNode[];
  } catch (error) {
    return { ok: false, detail: error instanceof Error ? error.message : 'unparseable XML' };
  }
  const roots: XmlElement[] = [];
  for (const node of nodes) {
    for (const [key, value] of Object.entries(node)) {
      if (key === '#comment' || key === ':@') continue;
      if (key === '#text') {
        if (String(value).trim() !== '') return { ok: false, detail: 'text outside the root element' };
        continue;
      }
      const element = toElement(key, value);
      if (typeof element === 'string') return { ok: false, detail: element };
      roots.push(element);
    }
  }
  if (roots.length !== 1) return { ok: false, detail: `expected one root element, found ${roots.length}` };
  return { ok: true, root: roots[0] };
}

/** Escapes character data so that parseXmlTree returns it unchanged (CR would otherwise be normalised). */
export function escapeXmlText(value: string): string {
  return value.replace(/[&<>"'\r]/g, (c) => {
    switch (c) {
      case '&':
        return '&amp;';
      case '<':
        return '&lt;';
      case '>':
        return '&gt;';
      case '"':
        return '&quot;';
      case "'":
        return '&apos;';
      default:
        return '&#13;';
    }
  });
}
