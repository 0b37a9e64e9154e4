import { describe, expect, it } from 'vitest';
import { DYNAMIC_VARIABLES, type DynamicSource } from '../../../../shared/vars/dynamic-variables.ts';
import { resolveTemplate } from '../../../../shared/vars/resolve-template.ts';
import { parseTemplate, referencedNames } from '../../../../shared/vars/template.ts';
import { mergeVariableLayers } from '../../../../shared/vars/variable-scopes.ts';

const fixed: DynamicSource = { now: () => Date.UTC(2030, 0, 2, 3, 4, 5, 678), random: () => 0.5, uuid: () => '00000000-0000-4000-8000-000000000000' };

function variables(values: Record<string, string>) {
  return mergeVariableLayers([{ scope: 'environment', variables: Object.entries(values).map(([name, value]) => ({ name, value })) }]);
}

describe('{{variable}} templates', () => {
  it('finds references with their offsets; spaces inside the braces are allowed', () => {
    expect(parseTemplate('{{base}}/users/{{ id }}?x=1')).toEqual([
      { kind: 'variable', name: 'base', text: '{{base}}', start: 0, end: 8 },
      { kind: 'text', text: '/users/', start: 8, end: 15 },
      { kind: 'variable', name: 'id', text: '{{ id }}', start: 15, end: 23 },
      { kind: 'text', text: '?x=1', start: 23, end: 27 },
    ]);
    expect(referencedNames('{{a}}{{b.c}}{{a}}{{$uuid}}')).toEqual(['a', 'b.c', '$uuid']);
  });

  it('replaces defined names, leaves unknown ones as written and reports them', () => {
    expect(resolveTemplate('{{base}}/{{missing}}/{{base}}', { variables: variables({ base: 'http://h' }) })).toEqual({
      text: 'http://h/{{missing}}/http://h',
      unresolved: ['missing'],
      usedSecret: false,
    });
  });

  it.each([
    ["{{constructor.constructor('x')()}}"],
    ["{{this.constructor.constructor('return process')()}}"],
    ['{{ require("fs") }}'],
    ["{{import('fs')}}"],
    ['{{a + b}}'],
    ['{{`x`}}'],
    ['{{{nested}}}'],
    ['{{}}'],
  ])('%s is text, never code: it comes out exactly as it went in', (template) => {
    const resolution = resolveTemplate(template, { variables: variables({ a: '1', b: '2', nested: 'n', x: 'x' }), dynamic: fixed });
    expect(resolution.text).toBe(template.replace('{{nested}}', 'n'));
  });

  it.each([['constructor'], ['__proto__'], ['toString'], ['hasOwnProperty'], ['valueOf']])('{{%s}} is just a name: unresolved unless defined', (name) => {
    expect(resolveTemplate(`{{${name}}}`, { variables: variables({}) })).toEqual({ text: `{{${name}}}`, unresolved: [name], usedSecret: false });
    expect(resolveTemplate(`{{${name}}}`, { variables: variables({ [name]: 'defined' }) }).text).toBe('defined');
  });

  it('a value is inserted as plain text, even when it looks like code or a template of itself', () => {
    const resolution = resolveTemplate('{{a}}', { variables: variables({ a: "${process.exit()} {{a}} {{b}}", b: 'B' }) });
    // The nested {{a}} is a cycle and stays; {{b}} inside a value resolves.
    expect(resolution).toEqual({ text: '${process.exit()} {{a}} B', unresolved: ['a'], usedSecret: false });
  });

  it('stops at cycles and at a depth limit instead of looping', () => {
    const cyclic = variables({ a: '{{b}}', b: '{{a}}' });
    expect(resolveTemplate('{{a}}', { variables: cyclic }).text).toBe('{{a}}');
    const chain = variables(Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`v${i}`, `{{v${i + 1}}}`])));
    expect(resolveTemplate('{{v0}}', { variables: chain }).text).toMatch(/^\{\{v\d+\}\}$/);
  });

  it('says when a secret went into the text', () => {
    const scoped = mergeVariableLayers([{ scope: 'environment', variables: [{ name: 'token', value: 's3cret', secret: true }] }]);
    expect(resolveTemplate('Bearer {{token}}', { variables: scoped })).toEqual({ text: 'Bearer s3cret', unresolved: [], usedSecret: true });
  });

  it('computes the documented dynamic variables, each use fresh, and only when asked to', () => {
    let n = 0;
    const counting: DynamicSource = { ...fixed, uuid: () => `uuid-${(n += 1)}` };
    const text = '{{$uuid}} {{$uuid}} {{$timestamp}} {{$timestampMs}} {{$isoTimestamp}} {{$randomInt}} {{$randomBoolean}} {{$randomHexColor}}';

    expect(resolveTemplate(text, { variables: variables({}), dynamic: counting }).text).toBe(
      'uuid-1 uuid-2 1893553445 1893553445678 2030-01-02T03:04:05.678Z 500 false #800000',
    );
    // Without a source (the UI's preview) they stay as written.
    expect(resolveTemplate('{{$uuid}}', { variables: variables({}) })).toEqual({ text: '{{$uuid}}', unresolved: ['$uuid'], usedSecret: false });
    // A defined variable of the same name wins.
    expect(resolveTemplate('{{$uuid}}', { variables: variables({ $uuid: 'mine' }), dynamic: fixed }).text).toBe('mine');
    expect([...DYNAMIC_VARIABLES.keys()]).toEqual([
      '$uuid',
      '$guid',
      '$randomUUID',
      '$timestamp',
      '$timestampMs',
      '$isoTimestamp',
      '$randomInt',
      '$randomFloat',
      '$randomBoolean',
      '$randomAlphaNumeric',
      '$randomHexColor',
    ]);
  });
});

describe('variable scopes', () => {
  it('global < collection < environment < folder (outer to inner) < request < runtime, whatever order the layers come in', () => {
    const merged = mergeVariableLayers([
      { scope: 'runtime', variables: [{ name: 'r', value: 'runtime' }] },
      { scope: 'folder', variables: [{ name: 'f', value: 'outer' }, { name: 'e', value: 'folder' }] },
      { scope: 'global', variables: [{ name: 'g', value: 'global' }, { name: 'c', value: 'global' }, { name: 'r', value: 'global' }] },
      { scope: 'environment', variables: [{ name: 'e', value: 'environment' }, { name: 'c', value: 'environment' }] },
      { scope: 'collection', variables: [{ name: 'c', value: 'collection' }] },
      { scope: 'folder', variables: [{ name: 'f', value: 'inner' }] },
      { scope: 'request', variables: [{ name: 'q', value: 'request' }, { name: 'off', value: 'x', enabled: false }] },
    ]);

    expect(Object.fromEntries([...merged].map(([name, scoped]) => [name, `${scoped.value}@${scoped.scope}`]))).toEqual({
      g: 'global@global',
      c: 'environment@environment',
      r: 'runtime@runtime',
      e: 'folder@folder',
      f: 'inner@folder',
      q: 'request@request',
    });
  });
});
