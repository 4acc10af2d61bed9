/**
 * Issue 12, B1: `wholeExpression` (lib/model/expression.ts) recognizes `${ ... }` in linear time with
 * the results of the cubic regex it replaced; and the pure helper for B9, B12, B14, `displayValue`
 * (lib/model/display.ts: how a value reads in a message), which the lead wires into lib/model and
 * lib/rules (see __tests__/model-safety.test.ts).
 */
import fc from 'fast-check';
import { displayValue, isSensitiveAttribute, MAX_DEPTH, valueKind } from '../lib/model/display';
import { wholeExpression } from '../lib/model/expression';

/** The regular expression lib/model/read.ts uses today (cubic on `${` + spaces): the reference on short input. */
const WHOLE_EXPRESSION = /^\$\{\s*([^{}]*?)\s*\}$/;

describe('wholeExpression', () => {
  test.each([
    ['${var.x}', 'var.x'],
    ['${ var.x }', 'var.x'],
    ['${\n\tazurerm_subnet.s.id\n}', 'azurerm_subnet.s.id'],
    ['${}', ''],
    ['${   }', ''],
    ['${join("", ["a", "b"])}', 'join("", ["a", "b"])'],
  ])('%j is the expression %j', (s, inner) => {
    expect(wholeExpression(s)).toBe(inner);
  });

  test.each(['', '$', '${', '${x', 'x${var.x}', '${var.x}x', '${ {a = 1} }', '${a}${b}', 'var.x', '$ {x}', '${x}\n'])(
    '%j is not one whole expression',
    (s) => {
      expect(wholeExpression(s)).toBeUndefined();
    },
  );

  test('the same results as the regular expression it replaces, on short strings of the characters that matter', () => {
    const chars = fc.constantFrom('$', '{', '}', ' ', '\t', '\n', '\u00a0', '\u2028', 'a', '.', '"');
    fc.assert(
      fc.property(
        fc.array(chars, { maxLength: 14 }).map((a) => a.join('')),
        fc.boolean(),
        (body, wrap) => {
          const s = wrap ? `\${${body}}` : body;
          expect(wholeExpression(s)).toBe(WHOLE_EXPRESSION.exec(s)?.[1]);
        },
      ),
      { seed: 12, numRuns: 3000 },
    );
  });

  test('linear: a 1 MB value of `${` and spaces (the regex would take years) is answered in well under a second', () => {
    for (const s of [
      '${' + ' '.repeat(1 << 20),
      '${' + ' '.repeat(1 << 20) + 'x',
      '${' + ' '.repeat(1 << 20) + '}',
      '${' + '\t'.repeat(1 << 20) + 'x}',
    ]) {
      const t = Date.now();
      wholeExpression(s);
      expect(Date.now() - t).toBeLessThan(500);
    }
    expect(wholeExpression('${' + ' '.repeat(1 << 20) + 'x }')).toBe('x');
  });
});

describe('displayValue', () => {
  test('strings quoted; numbers, booleans and null as written; undefined never shows as "undefined"', () => {
    expect(displayValue('aks-prod')).toBe("'aks-prod'");
    expect(displayValue(Infinity)).toBe('Infinity');
    expect(displayValue(-Infinity)).toBe('-Infinity');
    expect(displayValue(-0)).toBe('-0');
    expect(displayValue(1e23)).toBe('1e+23');
    expect(displayValue(true)).toBe('true');
    expect(displayValue(null)).toBe('null');
    expect(displayValue(undefined)).toBe('(not set)');
    expect(displayValue([undefined, null])).toBe('[(not set),null]');
    expect(displayValue({ a: [1, 'x'] })).toBe('{"a":[1,"x"]}');
  });

  test('a long string is cut with its length; a long structure is cut', () => {
    const long = 'a'.repeat(10 * 1024 * 1024);
    const shown = displayValue(long);
    expect(shown).toBe(`'${'a'.repeat(100)}'... (10485760 characters)`);
    expect(displayValue(long, { max: 10 })).toBe("'aaaaaaaaaa'... (10485760 characters)");
    const list = displayValue(Array.from({ length: 100000 }, (_, i) => `item-${i}`));
    expect(list.length).toBeLessThan(120);
    expect(list).toMatch(/^\["item-0","item-1",.*\.\.\. \(cut\)$/);
    expect(displayValue([long]).length).toBeLessThan(120);
  });

  test('engine Unknowns show as their expression, also inside lists: never {"kind":"unknown"...}', () => {
    const u = { kind: 'unknown', expression: '${var.pod_cidr}', reason: 'a variable' };
    expect(displayValue(u)).toBe('${var.pod_cidr}');
    const shown = displayValue([u, 'x', { nested: u }]);
    expect(shown).toBe('[${var.pod_cidr},"x",{"nested":${var.pod_cidr}}]');
    expect(shown).not.toContain('"kind"');
  });

  test('a sensitive value is never shown, whatever its type; a plain reference is', () => {
    for (const v of [
      'S3CRET-literal',
      { v: 'S3CRET-in-obj' },
      ['S3CRET-in-list'],
      [{ p: 'S3CRET' }],
      12345678,
      true,
      { kind: 'unknown', expression: '{"v":"S3CRET"}', reason: 'an object where a string belongs' },
      '${join("", ["S3CRET-", "x"])}',
    ]) {
      const shown = displayValue(v, { sensitive: true });
      expect(shown).not.toMatch(/S3CRET|12345678|true/);
      expect(shown).toMatch(/the value is not shown/);
    }
    expect(displayValue('S3CRET-literal', { sensitive: true })).toBe(
      '(a string of 14 characters; the value is not shown)',
    );
    expect(displayValue({ v: 1 }, { sensitive: true })).toBe('(an object; the value is not shown)');
    expect(displayValue('${var.windows_admin_password}', { sensitive: true })).toBe("'${var.windows_admin_password}'");
    expect(displayValue({ kind: 'unknown', expression: '${var.p}' }, { sensitive: true })).toBe('${var.p}');
  });

  test('never throws and never recurses deeply: 100,000-deep lists, cycles, throwing getters, proxies, odd types', () => {
    let deep: unknown = [];
    for (let i = 0; i < 100000; i++) deep = [deep];
    expect(displayValue(deep)).toBe(`${'['.repeat(MAX_DEPTH)}[...]${']'.repeat(MAX_DEPTH)}`);
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    expect(displayValue(cyclic)).toBe('{"a":1,"self":{...}}');
    const getter = Object.defineProperty({}, 'x', {
      enumerable: true,
      get: () => {
        throw new Error('boom');
      },
    });
    expect(displayValue(getter)).toBe('{"x":(unreadable)');
    const proxy = new Proxy(
      {},
      {
        ownKeys: () => {
          throw new Error('boom');
        },
        get: () => {
          throw new Error('boom');
        },
      },
    );
    expect(() => displayValue(proxy)).not.toThrow();
    expect(displayValue(10n)).toBe('10');
    expect(displayValue(Symbol('s'))).toBe('(a symbol)');
    expect(displayValue(() => 1)).toBe('(a function)');
  });

  test('property: any JSON value gives a bounded text without "undefined" or engine internals', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), fc.integer({ min: 1, max: 300 }), (v, max) => {
        const shown = displayValue(v, { max });
        expect(shown.length).toBeLessThanOrEqual(max + 40);
        expect(shown).not.toContain('undefined');
      }),
      { seed: 12, numRuns: 500 },
    );
  });

  test('valueKind and isSensitiveAttribute', () => {
    expect([undefined, null, [], {}, 'x', 1, true].map(valueKind)).toEqual([
      'nothing',
      'null',
      'a list',
      'an object',
      'a string',
      'a number',
      'a boolean',
    ]);
    for (const a of [
      'admin_password',
      'windows_profile.admin_password',
      'client_secret',
      'token',
      'kube_config',
      'kube_admin_config_raw',
      'access_key',
      'service_principal.client_secret',
      'secrets[0]',
    ]) {
      expect([a, isSensitiveAttribute(a)]).toEqual([a, true]);
    }
    for (const a of [
      'admin_username',
      'name',
      'dns_prefix',
      'pod_cidr',
      'key_vault_id',
      'network_profile.outbound_type',
    ]) {
      expect([a, isSensitiveAttribute(a)]).toEqual([a, false]);
    }
  });
});
