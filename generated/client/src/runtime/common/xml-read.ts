// Copied from runtime/common/xml-read.ts by the TOP generator: edit that file, then regenerate.
// Reads TOP's XML answers into plain values: an element with child elements
// becomes an object (a name seen twice, an array), any other element its
// text. Types come afterwards from the answer's shape (shape.ts `fromWire`),
// since XML text does not say whether `123` is a Number or a String.
// Deliberately small: no DTD, no entities beyond XML's five and character
// references (so no entity expansion attack), no namespaces; attributes are
// ignored.

const MAX_DEPTH = 256;

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeText(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-z]+);/g, (whole, ref: string) => {
    if (ref.startsWith('#x')) return String.fromCodePoint(parseInt(ref.slice(2), 16));
    if (ref.startsWith('#')) return String.fromCodePoint(parseInt(ref.slice(1), 10));
    const named = NAMED[ref];
    if (named === undefined) throw new SyntaxError(`XML: unknown entity ${whole}`);
    return named;
  });
}

/** The document's root element as `{ [rootName]: value }`. */
export function readXml(xml: string): Record<string, unknown> {
  let pos = 0;
  const fail = (what: string): never => {
    throw new SyntaxError(`XML: ${what} at position ${pos}`);
  };
  const skipMisc = () => {
    for (;;) {
      while (pos < xml.length && /\s/.test(xml[pos]!)) pos++;
      if (xml.startsWith('<?', pos)) {
        const end = xml.indexOf('?>', pos);
        if (end === -1) fail('unterminated declaration');
        pos = end + 2;
      } else if (xml.startsWith('<!--', pos)) {
        const end = xml.indexOf('-->', pos);
        if (end === -1) fail('unterminated comment');
        pos = end + 3;
      } else if (xml.startsWith('<!', pos)) fail('a DTD is not accepted');
      else return;
    }
  };
  const NAME = /[A-Za-z_][\w.-]*/y;
  const element = (depth: number): [string, unknown] => {
    if (depth > MAX_DEPTH) fail(`nesting deeper than ${MAX_DEPTH}`);
    if (xml[pos] !== '<') fail("expected '<'");
    pos++;
    NAME.lastIndex = pos;
    const m = NAME.exec(xml);
    if (!m) return fail('expected an element name');
    const name = m[0];
    pos += name.length;
    const close = xml.indexOf('>', pos);
    if (close === -1) fail('unterminated tag');
    const selfClosing = xml[close - 1] === '/';
    pos = close + 1;
    if (selfClosing) return [name, ''];
    const children: [string, unknown][] = [];
    let text = '';
    for (;;) {
      if (pos >= xml.length) fail(`unterminated element <${name}>`);
      if (xml.startsWith('</', pos)) {
        const end = xml.indexOf('>', pos);
        if (end === -1) fail('unterminated end tag');
        const closing = xml.slice(pos + 2, end).trim();
        if (closing !== name) fail(`</${closing}> closes <${name}>`);
        pos = end + 1;
        break;
      }
      if (xml.startsWith('<![CDATA[', pos)) {
        const end = xml.indexOf(']]>', pos);
        if (end === -1) fail('unterminated CDATA');
        text += xml.slice(pos + 9, end);
        pos = end + 3;
      } else if (xml.startsWith('<!--', pos) || xml.startsWith('<?', pos)) {
        skipMisc();
      } else if (xml[pos] === '<') {
        children.push(element(depth + 1));
      } else {
        const next = xml.indexOf('<', pos);
        if (next === -1) fail(`unterminated element <${name}>`);
        text += decodeText(xml.slice(pos, next));
        pos = next;
      }
    }
    if (children.length === 0) return [name, text];
    const out: Record<string, unknown> = {};
    // The lists this element's repeated children made: appended to in place (copying each time was quadratic).
    const lists = new Map<string, unknown[]>();
    for (const [key, value] of children) {
      const list = lists.get(key);
      if (list) {
        list.push(value);
        continue;
      }
      let next = value;
      if (Object.hasOwn(out, key)) {
        const made = [out[key], value];
        lists.set(key, made);
        next = made;
      }
      // Define, never assign: an element named __proto__ stays data.
      Object.defineProperty(out, key, { value: next, writable: true, enumerable: true, configurable: true });
    }
    return [name, out];
  };
  skipMisc();
  const [root, value] = element(0);
  skipMisc();
  if (pos !== xml.length) fail('text after the root element');
  const doc: Record<string, unknown> = {};
  Object.defineProperty(doc, root, { value, writable: true, enumerable: true, configurable: true });
  return doc;
}
