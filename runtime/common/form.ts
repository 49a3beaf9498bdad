// application/x-www-form-urlencoded, UTF-8.

// The characters encodeURIComponent leaves as they are: a value made only of
// them (an app key, a version, a hex signature) is written without the call.
const UNRESERVED = /^[\w.!~*'()-]*$/;
// Parameter names come from the spec and TOP's system parameters: a few dozen,
// each encoded once. The bound keeps a caller's odd names from growing it.
const encodedNames = new Map<string, string>();
const MAX_CACHED_NAMES = 256;

function encodeName(name: string): string {
  let encoded = encodedNames.get(name);
  if (encoded === undefined) {
    encoded = encodeURIComponent(name);
    if (encodedNames.size < MAX_CACHED_NAMES) encodedNames.set(name, encoded);
  }
  return encoded;
}

export function encodeForm(fields: Readonly<Record<string, string>>): string {
  let out = '';
  for (const name in fields) {
    const value = fields[name];
    if (value === undefined) continue;
    out += `${out ? '&' : ''}${encodeName(name)}=${UNRESERVED.test(value) ? value : encodeURIComponent(value)}`;
  }
  return out;
}
