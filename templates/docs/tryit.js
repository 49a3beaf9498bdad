// biome-ignore-all lint/correctness/noInnerDeclarations: a plain browser script in one IIFE; var is function-scoped on purpose
// Try it: signs a call in the browser and sends it to the gateway the reader
// names. MD5 and SHA-256 are implemented here, synchronously, because WebCrypto
// has no MD5 (TOP's `md5` and `hmac` methods need it) and is missing outside
// secure contexts. Signing follows top-protocol.md §3: sort every sendable
// parameter but `sign` by name, concatenate name+value, hash the UTF-8 bytes,
// upper-case hex.
(() => {
  function utf8(text) {
    return new TextEncoder().encode(text);
  }
  function concat(a, b) {
    var out = new Uint8Array(a.length + b.length);
    out.set(a, 0);
    out.set(b, a.length);
    return out;
  }
  function hex(bytes) {
    var s = '';
    for (var i = 0; i < bytes.length; i++) s += (bytes[i] < 16 ? '0' : '') + bytes[i].toString(16);
    return s.toUpperCase();
  }

  // MD5 (RFC 1321).
  var MD5_S = [
    7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 6, 10, 15, 21, 6,
    10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21,
  ];
  var MD5_K = [];
  for (var k = 0; k < 64; k++) MD5_K[k] = Math.floor(Math.abs(Math.sin(k + 1)) * 4294967296) >>> 0;
  function md5(bytes) {
    var length = bytes.length;
    var padded = new Uint8Array(((length + 8) >> 6) * 64 + 64);
    padded.set(bytes);
    padded[length] = 0x80;
    var bits = length * 8;
    var view = new DataView(padded.buffer);
    view.setUint32(padded.length - 8, bits >>> 0, true);
    view.setUint32(padded.length - 4, Math.floor(bits / 4294967296), true);
    var a0 = 0x67452301,
      b0 = 0xefcdab89,
      c0 = 0x98badcfe,
      d0 = 0x10325476;
    var m = new Array(16);
    for (var off = 0; off < padded.length; off += 64) {
      for (var j = 0; j < 16; j++) m[j] = view.getUint32(off + j * 4, true);
      var a = a0,
        b = b0,
        c = c0,
        d = d0;
      for (var i = 0; i < 64; i++) {
        var f, g;
        if (i < 16) {
          f = (b & c) | (~b & d);
          g = i;
        } else if (i < 32) {
          f = (d & b) | (~d & c);
          g = (5 * i + 1) % 16;
        } else if (i < 48) {
          f = b ^ c ^ d;
          g = (3 * i + 5) % 16;
        } else {
          f = c ^ (b | ~d);
          g = (7 * i) % 16;
        }
        var t = d;
        d = c;
        c = b;
        var x = (a + f + MD5_K[i] + m[g]) >>> 0;
        b = (b + ((x << MD5_S[i]) | (x >>> (32 - MD5_S[i])))) >>> 0;
        a = t;
      }
      a0 = (a0 + a) >>> 0;
      b0 = (b0 + b) >>> 0;
      c0 = (c0 + c) >>> 0;
      d0 = (d0 + d) >>> 0;
    }
    var out = new Uint8Array(16);
    var ov = new DataView(out.buffer);
    ov.setUint32(0, a0, true);
    ov.setUint32(4, b0, true);
    ov.setUint32(8, c0, true);
    ov.setUint32(12, d0, true);
    return out;
  }

  // SHA-256 (FIPS 180-4).
  var SHA_K = [
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
  ];
  function sha256(bytes) {
    var length = bytes.length;
    var padded = new Uint8Array(((length + 8) >> 6) * 64 + 64);
    padded.set(bytes);
    padded[length] = 0x80;
    var view = new DataView(padded.buffer);
    var bits = length * 8;
    view.setUint32(padded.length - 8, Math.floor(bits / 4294967296), false);
    view.setUint32(padded.length - 4, bits >>> 0, false);
    var h = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];
    var w = new Array(64);
    function rotr(x, n) {
      return (x >>> n) | (x << (32 - n));
    }
    for (var off = 0; off < padded.length; off += 64) {
      for (var i = 0; i < 16; i++) w[i] = view.getUint32(off + i * 4, false);
      for (i = 16; i < 64; i++) {
        var s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >>> 3);
        var s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >>> 10);
        w[i] = (w[i - 16] + s0 + w[i - 7] + s1) >>> 0;
      }
      var a = h[0],
        b = h[1],
        c = h[2],
        d = h[3],
        e = h[4],
        f = h[5],
        g = h[6],
        hh = h[7];
      for (i = 0; i < 64; i++) {
        var t1 = (hh + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + SHA_K[i] + w[i]) >>> 0;
        var t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) >>> 0;
        hh = g;
        g = f;
        f = e;
        e = (d + t1) >>> 0;
        d = c;
        c = b;
        b = a;
        a = (t1 + t2) >>> 0;
      }
      h[0] = (h[0] + a) >>> 0;
      h[1] = (h[1] + b) >>> 0;
      h[2] = (h[2] + c) >>> 0;
      h[3] = (h[3] + d) >>> 0;
      h[4] = (h[4] + e) >>> 0;
      h[5] = (h[5] + f) >>> 0;
      h[6] = (h[6] + g) >>> 0;
      h[7] = (h[7] + hh) >>> 0;
    }
    var out = new Uint8Array(32);
    var ov = new DataView(out.buffer);
    for (i = 0; i < 8; i++) ov.setUint32(i * 4, h[i], false);
    return out;
  }

  // HMAC (RFC 2104), block size 64 for both hashes.
  function hmac(hash, key, message) {
    if (key.length > 64) key = hash(key);
    var inner = new Uint8Array(64),
      outer = new Uint8Array(64);
    for (var i = 0; i < 64; i++) {
      var b = i < key.length ? key[i] : 0;
      inner[i] = b ^ 0x36;
      outer[i] = b ^ 0x5c;
    }
    return hash(concat(outer, hash(concat(inner, message))));
  }

  /**
   * TOP leaves out a parameter that is empty or only white space in Java's sense
   * (Character.isWhitespace: not trim's, which also takes the no-break spaces and
   * U+FEFF and leaves U+001C-U+001F): neither signed nor sent. As runtime/common/sign.ts.
   */
  function javaWhitespace(c) {
    if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d) || (c >= 0x1c && c <= 0x1f);
    return c === 0x1680 || (c >= 0x2000 && c <= 0x200a && c !== 0x2007) || c === 0x2028 || c === 0x2029 || c === 0x205f || c === 0x3000;
  }
  function sendable(value) {
    if (typeof value !== 'string') return false;
    for (var i = 0; i < value.length; i++) if (!javaWhitespace(value.charCodeAt(i))) return true;
    return false;
  }

  function signingString(params) {
    var names = Object.keys(params).filter((n) => n !== 'sign' && sendable(params[n]));
    // Code-unit order, as Java's String sort: TOP's parameter names are ASCII.
    names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return names.map((n) => n + params[n]).join('');
  }

  function sign(text, secret, method) {
    if (method === 'md5') return hex(md5(utf8(secret + text + secret)));
    if (method === 'hmac') return hex(hmac(md5, utf8(secret), utf8(text)));
    if (method === 'hmac-sha256') return hex(hmac(sha256, utf8(secret), utf8(text)));
    throw new Error(`sign_method must be md5, hmac or hmac-sha256; got ${method}`);
  }

  /** Now in GMT+8, as TOP's `timestamp` wants it: yyyy-MM-dd HH:mm:ss. */
  function gmt8Now() {
    return new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 19).replace('T', ' ');
  }

  function shellQuote(text) {
    return `'${text.replace(/'/g, "'\\''")}'`;
  }

  // Exposed for tests and for readers who want to sign in the console.
  window.TOP_SIGN = { md5: (t) => hex(md5(utf8(t))), sha256: (t) => hex(sha256(utf8(t))), sign: sign, signingString: signingString, gmt8Now: gmt8Now };

  var form = document.getElementById('try-form');
  if (!form) return;
  var out = document.getElementById('try-out');
  var GATEWAY_KEY = 'top-docs-gateway';
  var gatewayInput = document.getElementById('try-gateway');
  try {
    var saved = localStorage.getItem(GATEWAY_KEY);
    if (saved) gatewayInput.value = saved;
  } catch {
    /* storage may be off */
  }

  function show(id, text) {
    document.getElementById(id).textContent = text;
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    var value = (name) => {
      var el = form.elements.namedItem(name);
      return el ? el.value : '';
    };
    var gateway = value('gateway').trim();
    var url;
    try {
      url = new URL(gateway);
    } catch {
      url = null;
    }
    out.hidden = false;
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
      show('try-status', `The gateway URL must be an http:// or https:// address; got "${gateway}".`);
      gatewayInput.focus();
      return;
    }
    // The gateway signs every parameter it receives: the URL's own query would travel unsigned (25).
    if (url.search || url.username || url.password) {
      show('try-status', `The gateway URL must have no query string and no user name or password: the gateway checks the signature over every parameter it receives; got "${gateway}".`);
      gatewayInput.focus();
      return;
    }
    try {
      localStorage.setItem(GATEWAY_KEY, gateway);
    } catch {
      /* not remembered */
    }
    // app_key and session as typed, as the runtime client sends them: `sendable` (Java's
    // white space) alone drops a blank one; trim would also drop U+00A0 or U+FEFF, which TOP signs.
    var params = { method: form.getAttribute('data-method'), app_key: value('app_key'), timestamp: gmt8Now(), v: '2.0', sign_method: value('sign_method'), format: value('format') };
    if (form.elements.namedItem('session')) params.session = value('session');
    Array.prototype.forEach.call(form.querySelectorAll('[data-param]'), (el) => {
      params[el.name] = el.value;
    });
    var text = signingString(params);
    var signature = sign(text, value('secret'), params.sign_method);
    var body = new URLSearchParams();
    Object.keys(params).forEach((n) => {
      if (sendable(params[n])) body.append(n, params[n]);
    });
    body.append('sign', signature);
    var bytes = body.toString();
    show('try-signing', text);
    show('try-sign', signature);
    show('try-curl', `curl -sS -X POST ${shellQuote(url.href)} \\\n  -H ${shellQuote('Content-Type: application/x-www-form-urlencoded;charset=utf-8')} \\\n  --data-binary ${shellQuote(bytes)}`);
    show('try-answer', '');
    show('try-status', `Sending to ${url.href}…`);
    var sent = Date.now();
    fetch(url.href, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded;charset=utf-8' }, body: bytes, mode: 'cors', credentials: 'omit' }).then(
      (response) =>
        response.text().then((answer) => {
          var pretty = answer;
          try {
            pretty = JSON.stringify(JSON.parse(answer), null, 2);
          } catch {
            /* XML or text: shown as it came */
          }
          var code = /"code"\s*:\s*(\d+)|<code>(\d+)<\/code>/.exec(answer);
          var isError = /error_response/.test(answer);
          show('try-answer', pretty);
          show('try-status', `HTTP ${response.status} in ${Date.now() - sent} ms: ${isError ? `error_response, code ${code ? code[1] || code[2] : '?'}` : 'success'}`);
        }),
      (error) => {
        show('try-status', `No answer from ${url.href} (${error.message}). Is the gateway running? For the local mock run \`npm run mock\`; another gateway must allow this page's origin (CORS).`);
      },
    );
  });
})();
