// RFC 9110 §5.6.2: a method or header name is a "token".
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
// A field value may hold visible characters, spaces and tabs, never CR, LF, NUL or other controls.
const FIELD_VALUE = /^[\t\x20-\x7e\x80-\uffff]*$/;

export function isToken(text: string): boolean {
  return TOKEN.test(text);
}

export function isValidHeaderValue(value: string): boolean {
  return FIELD_VALUE.test(value);
}
