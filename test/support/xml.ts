// Reads the gateway's XML answers (elements and text only, as TOP writes them)
// into a tree, and turns a JSON answer into the tree it should have.

export interface XmlNode {
  name: string;
  children: XmlNode[];
  text: string;
}

const unescapeXml = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

export function parseXml(xml: string): XmlNode {
  const body = xml.replace(/^<\?xml[^?]*\?>/, '');
  let pos = 0;
  const element = (): XmlNode => {
    const open = /^<([A-Za-z_][\w.-]*)>/.exec(body.slice(pos));
    if (!open) throw new Error(`XML: expected an element at ${pos}: ${body.slice(pos, pos + 40)}`);
    pos += open[0].length;
    const node: XmlNode = { name: open[1]!, children: [], text: '' };
    for (;;) {
      if (body.startsWith(`</${node.name}>`, pos)) {
        pos += node.name.length + 3;
        return node;
      }
      if (body[pos] === '<') node.children.push(element());
      else {
        const end = body.indexOf('<', pos);
        if (end === -1) throw new Error('XML: unterminated text');
        node.text += unescapeXml(body.slice(pos, end));
        pos = end;
      }
    }
  };
  const root = element();
  if (pos !== body.length) throw new Error('XML: text after the root element');
  return root;
}

const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** The XML tree a JSON value should produce: one element per field, lists wrapped with one element per item. */
export function treeOf(name: string, value: unknown, itemName = 'item'): XmlNode {
  if (Array.isArray(value)) return { name, children: value.map((v) => treeOf(itemName, v)), text: '' };
  if (value !== null && typeof value === 'object') {
    return {
      name,
      children: Object.entries(value)
        .filter(([, v]) => v !== undefined && v !== null)
        .map(([k, v]) => treeOf(k, v)),
      text: '',
    };
  }
  return { name, children: [], text: String(value).replace(INVALID_XML, '\uFFFD') };
}
