import { describe, expect, it } from 'vitest';
import type { MessageKey } from '../../../../../renderer/src/i18n/en.ts';
import { en } from '../../../../../renderer/src/i18n/en.ts';
import { completeReference, describeVariable, matchingNames, onlyReferences, openReferenceAt } from '../../../../../renderer/src/features/variables/variable-text.ts';

const t = (key: MessageKey) => en[key];

describe('typing {{variables}}', () => {
  it('finds the reference being typed before the caret, and nothing once it is closed or elsewhere', () => {
    expect(openReferenceAt('Bearer {{to', 11)).toEqual({ start: 7, prefix: 'to' });
    expect(openReferenceAt('{{ base', 7)).toEqual({ start: 0, prefix: 'base' });
    expect(openReferenceAt('a {{', 4)).toEqual({ start: 2, prefix: '' });
    expect(openReferenceAt('{{token}} x', 11)).toBeUndefined();
    expect(openReferenceAt('{{to ken', 8)).toBeUndefined();
    // The caret, not the end of the text, decides.
    expect(openReferenceAt('{{ab}}', 4)).toEqual({ start: 0, prefix: 'ab' });
  });

  it('offers names starting with the prefix, ignoring case, in order, up to the limit', () => {
    const names = ['baseUrl', 'token', 'Bearer', 'b1', 'b2', 'b3', 'b4', 'b5', 'b6', 'b7', '$timestamp'];
    expect(matchingNames(names, 'B')).toEqual(['baseUrl', 'Bearer', 'b1', 'b2', 'b3', 'b4', 'b5', 'b6']);
    expect(matchingNames(names, 'tok')).toEqual(['token']);
    expect(matchingNames(names, '$t')).toEqual(['$timestamp']);
    expect(matchingNames(names, 'zzz')).toEqual([]);
  });

  it('completes a reference, replacing the rest of a partly typed name and its closing braces', () => {
    const apply = (text: string, start: number, caret: number, name: string) => {
      const edit = completeReference(text, start, caret, name);
      return { text: text.slice(0, edit.from) + edit.insert + text.slice(edit.to), caret: edit.from + edit.insert.length };
    };
    expect(apply('Bearer {{to', 7, 11, 'token')).toEqual({ text: 'Bearer {{token}}', caret: 16 });
    expect(apply('{{ba}}/users', 0, 3, 'baseUrl')).toEqual({ text: '{{baseUrl}}/users', caret: 11 });
    expect(apply('x {{}} y', 2, 4, 'id')).toEqual({ text: 'x {{id}} y', caret: 8 });
  });

  it('shows a masked field’s text only when it holds nothing but references', () => {
    expect(onlyReferences('{{token}}')).toBe(true);
    expect(onlyReferences(' {{a}}{{b}} ')).toBe(true);
    expect(onlyReferences('{{')).toBe(true);
    expect(onlyReferences('{{a}} {{to')).toBe(true);
    expect(onlyReferences('')).toBe(false);
    expect(onlyReferences('{')).toBe(false);
    expect(onlyReferences('s3cret')).toBe(false);
    expect(onlyReferences('s3cret{{a}}')).toBe(false);
    expect(onlyReferences('{{not a name}}')).toBe(false);
  });

  it('describes a variable for the hover card: a secret’s value never, only that it is secret', () => {
    expect(describeVariable({ kind: 'defined', variable: { name: 'token', value: '', scope: 'environment', secret: true } }, t)).toEqual({
      value: en['vars.secretValue'],
      unresolved: false,
      scope: 'Environment',
    });
    expect(describeVariable({ kind: 'defined', variable: { name: 'id', value: '42', scope: 'request', secret: false } }, t)).toEqual({ value: '42', unresolved: false, scope: 'Request' });
    expect(describeVariable({ kind: 'defined', variable: { name: 'e', value: '', scope: 'global', secret: false } }, t).value).toBe(en['vars.emptyValue']);
    expect(describeVariable({ kind: 'defined', variable: { name: 'team', value: 'a', scope: 'folder', secret: false, source: 'Orders' } }, t).scope).toBe('Folder · Orders');
    expect(describeVariable({ kind: 'unresolved' }, t)).toEqual({ value: en['vars.unresolved'], unresolved: true });
  });
});
