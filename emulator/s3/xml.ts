import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { S3Error, escapeXml } from './errors';

export const S3_XMLNS = 'http://s3.amazonaws.com/doc/2006-03-01/';
const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';

/** One element; `undefined`/`null` content omits it, arrays are already-rendered children. */
export function el(name: string, content: string | number | boolean | string[] | null | undefined): string {
  if (content === undefined || content === null) return '';
  const inner = Array.isArray(content) ? content.join('') : escapeXml(String(content));
  return `<${name}>${inner}</${name}>`;
}

export function xmlDocument(root: string, children: string[], withNamespace = true): string {
  const ns = withNamespace ? ` xmlns="${S3_XMLNS}"` : '';
  return `${XML_DECLARATION}<${root}${ns}>${children.join('')}</${root}>`;
}

export function xmlResponseHeaders(): Record<string, string> {
  return { 'content-type': 'application/xml' };
}

/** A parsed element: child elements by name (always arrays), or text. */
export type XmlElement = { [name: string]: XmlElement[] } | string;

const parser = new XMLParser({
  ignoreAttributes: true,
  processEntities: false,
  htmlEntities: false,
  parseTagValue: false,
  trimValues: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  isArray: (_name, _jpath, _isLeaf, isAttribute) => !isAttribute,
});

function decodeEntities(text: string): string {
  return text.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (_match, entity: string) => {
    switch (entity) {
      case 'lt':
        return '<';
      case 'gt':
        return '>';
      case 'amp':
        return '&';
      case 'quot':
        return '"';
      case 'apos':
        return "'";
      default: {
        const codePoint = entity.startsWith('#x') ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
        if (codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff)) throw new S3Error('MalformedXML');
        return String.fromCodePoint(codePoint);
      }
    }
  });
}

function normalise(value: unknown): XmlElement {
  if (typeof value === 'string') return decodeEntities(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value && typeof value === 'object') {
    const result: { [name: string]: XmlElement[] } = {};
    for (const [name, children] of Object.entries(value as Record<string, unknown>)) {
      if (name === '#text') continue;
      result[name] = (Array.isArray(children) ? children : [children]).map(normalise);
    }
    return result;
  }
  return '';
}

/**
 * Parses an XML request body with no DTD and no entity expansion (only the five predefined entities and character
 * references are decoded). Returns the root element, or MalformedXML when it is not well-formed or named otherwise.
 */
export function parseXmlBody(body: Buffer, rootName: string): { [name: string]: XmlElement[] } {
  const text = body.toString('utf8');
  if (/<!DOCTYPE|<!ENTITY/i.test(text) || XMLValidator.validate(text) !== true) throw new S3Error('MalformedXML');
  let parsed: unknown;
  try {
    parsed = parser.parse(text);
  } catch {
    throw new S3Error('MalformedXML');
  }
  const root = normalise(parsed);
  if (typeof root === 'string') throw new S3Error('MalformedXML');
  const names = Object.keys(root);
  if (names.length !== 1 || names[0] !== rootName || root[rootName].length !== 1) throw new S3Error('MalformedXML');
  const element = root[rootName][0];
  return typeof element === 'string' ? {} : element;
}

export function childElements(parent: XmlElement, name: string): { [name: string]: XmlElement[] }[] {
  if (typeof parent === 'string') return [];
  return (parent[name] ?? []).map((child) => (typeof child === 'string' ? {} : child));
}

/** Text of the single child `name`; undefined when absent; MalformedXML when repeated or not text. */
export function childText(parent: XmlElement, name: string): string | undefined {
  if (typeof parent === 'string') return undefined;
  const children = parent[name];
  if (!children || children.length === 0) return undefined;
  if (children.length > 1) throw new S3Error('MalformedXML');
  const child = children[0];
  if (typeof child !== 'string') {
    if (Object.keys(child).length === 0) return '';
    throw new S3Error('MalformedXML');
  }
  return child;
}
