/**
 * Re-indents JSON text without parsing values, so what the server sent is shown exactly:
 * big integers keep every digit, escapes stay as written, duplicate keys and key order survive
 * (JSON.parse + stringify would change all of these). Expects valid JSON; check that first.
 */
export function formatJson(text: string, indent = '  '): string {
  const out: string[] = [];
  let depth = 0;
  let i = 0;
  const length = text.length;
  const newline = () => '\n' + indent.repeat(depth);

  while (i < length) {
    const char = text[i]!;
    if (char === '"') {
      const start = i;
      i += 1;
      while (i < length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
      i += 1;
      out.push(text.slice(start, i));
      continue;
    }
    if (char === '{' || char === '[') {
      const close = char === '{' ? '}' : ']';
      let next = i + 1;
      while (next < length && isWhitespace(text.charCodeAt(next))) next += 1;
      if (text[next] === close) {
        out.push(char + close);
        i = next + 1;
        continue;
      }
      depth += 1;
      out.push(char + newline());
    } else if (char === '}' || char === ']') {
      depth -= 1;
      out.push(newline() + char);
    } else if (char === ',') {
      out.push(',' + newline());
    } else if (char === ':') {
      out.push(': ');
    } else if (!isWhitespace(text.charCodeAt(i))) {
      const start = i;
      while (i + 1 < length && !isStructural(text[i + 1]!) && !isWhitespace(text.charCodeAt(i + 1))) i += 1;
      out.push(text.slice(start, i + 1));
    }
    i += 1;
  }
  return out.join('');
}

/** True when the text parses as JSON (the only check formatJson needs before it runs). */
export function isJson(text: string): boolean {
  if (text.trim() === '') return false;
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

function isWhitespace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;
}

function isStructural(char: string): boolean {
  return char === '{' || char === '}' || char === '[' || char === ']' || char === ',' || char === ':' || char === '"';
}
