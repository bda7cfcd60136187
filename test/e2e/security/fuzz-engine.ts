// The OpenAPI fuzzer (issue 12): every operation of the API's own document,
// called with generated bad input as an anonymous caller and as a signed-in
// company. No answer may be a 5xx, and every 4xx is problem+json.
//
// The document names the operations, their path parameters and their body
// schemas. Where a schema has no properties (the Swagger CLI plugin fills them
// only in `nest build`, not under ts-jest), the DTO's class-validator rules,
// found by the schema's name, say which fields exist and what they take.
import { getMetadataStorage, type ValidationTypes } from 'class-validator';
import fc from 'fast-check';
import type { Server } from 'node:http';
import request from 'supertest';

export interface Operation {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  pathParams: string[];
  queryParams: string[];
  bodySchema: string | null;
}

export interface FuzzCase {
  caller: 'anonymous' | 'company';
  path: string;
  query: string;
  contentType: string | null;
  body: string | null;
}

export interface FuzzContext {
  server: Server;
  bearer: string;
  /** Ids that exist (a test bed, a slot, a booking, organizations), so calls get past "not found". */
  ids: string[];
}

type Schema = {
  $ref?: string;
  type?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  enum?: unknown[];
  format?: string;
};
type OpenApi = {
  paths: Record<
    string,
    Record<
      string,
      {
        parameters?: Array<{ in: string; name: string }>;
        requestBody?: { content?: Record<string, { schema?: Schema }> };
      }
    >
  >;
  components?: { schemas?: Record<string, Schema> };
};

const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete']);

export function operationsOf(document: OpenApi): Operation[] {
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      if (!METHODS.has(method)) continue;
      const parameters = operation.parameters ?? [];
      const ref = operation.requestBody?.content?.['application/json']?.schema?.$ref;
      operations.push({
        method: method as Operation['method'],
        path,
        pathParams: parameters.filter((parameter) => parameter.in === 'path').map((parameter) => parameter.name),
        queryParams: parameters.filter((parameter) => parameter.in === 'query').map((parameter) => parameter.name),
        bodySchema: ref ? ref.split('/').pop()! : null,
      });
    }
  }
  return operations;
}

// ---- what a field takes, from the document or from class-validator ----

interface Field {
  name: string;
  rules: Map<string, unknown[]>;
  each: boolean;
  nested: FieldSet | null;
}
type FieldSet = Field[];

function classByName(name: string): Function | null {
  const storage = getMetadataStorage() as unknown as { validationMetadatas: Map<Function, unknown[]> };
  for (const target of storage.validationMetadatas.keys()) if (target.name === name) return target;
  return null;
}

function fieldsOfClass(target: Function, depth = 0): FieldSet {
  const metadata = getMetadataStorage().getTargetValidationMetadatas(target, '', true, false);
  const byProperty = new Map<string, Field>();
  for (const entry of metadata) {
    const field = byProperty.get(entry.propertyName) ?? {
      name: entry.propertyName,
      rules: new Map(),
      each: false,
      nested: null,
    };
    byProperty.set(entry.propertyName, field);
    const name = entry.name ?? (entry.type as ValidationTypes | string);
    field.rules.set(String(name), entry.constraints ?? []);
    if (entry.each) field.each = true;
    if (entry.type === 'nestedValidation' && depth < 3) {
      const type = Reflect.getMetadata?.('design:type', target.prototype, entry.propertyName) as Function | undefined;
      if (type && type !== Array && type !== Object) field.nested = fieldsOfClass(type, depth + 1);
    }
  }
  return [...byProperty.values()];
}

function fieldsOfSchema(document: OpenApi, name: string, depth = 0): FieldSet {
  const schema = document.components?.schemas?.[name];
  const properties = Object.entries(schema?.properties ?? {});
  if (properties.length === 0) {
    const target = classByName(name);
    return target ? fieldsOfClass(target) : [];
  }
  return properties.map(([property, value]) => {
    const rules = new Map<string, unknown[]>();
    const item = value.type === 'array' ? (value.items ?? {}) : value;
    if (item.enum) rules.set('isIn', [item.enum]);
    else if (item.format === 'uuid') rules.set('isUuid', []);
    else if (item.format === 'date-time') rules.set('isIso8601', []);
    else if (item.type === 'integer') rules.set('isInt', []);
    else if (item.type === 'number') rules.set('isNumber', []);
    else if (item.type === 'boolean') rules.set('isBoolean', []);
    else if (item.type === 'string') rules.set('isString', []);
    const ref = item.$ref?.split('/').pop();
    return {
      name: property,
      rules,
      each: value.type === 'array',
      nested: ref && depth < 3 ? fieldsOfSchema(document, ref, depth + 1) : null,
    };
  });
}

// ---- values ----

const HOSTILE_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\r\n',
  'line\rbreak',
  '\t',
  '\u001b[31mred',
  '\u007f',
  '\u0085',
  '\ud800',
  'x\udc00y',
  '\ud83d',
  '😀',
  'ÅÄÖ åäö',
  '../../etc/passwd',
  '%00',
  '%',
  "' OR 1=1 --",
  '"; DROP TABLE users; --',
  '<script>alert(1)</script>',
  '=HYPERLINK("x")',
  '{{7*7}}',
  '${jndi:ldap://x}',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  'not-a-uuid',
  '6f1c2a8e-1f0e-4d7e-9a55-2b1c3d4e5f6',
  '6F1C2A8E-1F0E-4D7E-9A55-2B1C3D4E5F60',
  '2027-02-30T25:61:00Z',
  '9999-12-31T23:59:59Z',
  '0000-01-01T00:00:00Z',
  '-271821-04-20T00:00:00Z',
  '+275760-09-13T00:00:00.001Z',
  '+294277-01-01T00:00:00Z',
  '-004713-11-24T00:00:00Z',
  '1970-01-01',
  'infinity',
  '-infinity',
  'NaN',
  'null',
  'true',
  '1e309',
  '-1',
  '0x10',
  'Europe/Nowhere',
  'https://127.0.0.1:6379/',
  'javascript:alert(1)',
];
const HOSTILE_NUMBERS = [
  0,
  -1,
  -0.5,
  1.5,
  2 ** 31,
  -(2 ** 31) - 1,
  2 ** 53 + 1,
  -(2 ** 63),
  1e21,
  1e308,
  -1e308,
  Number.MIN_VALUE,
];

function hostileValue(): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom<unknown>(...HOSTILE_STRINGS) },
    { weight: 2, arbitrary: fc.constantFrom<unknown>(...HOSTILE_NUMBERS) },
    {
      weight: 2,
      arbitrary: fc.constantFrom<unknown>(
        null,
        true,
        false,
        [],
        {},
        [null],
        [[[]]],
        { $gt: '' },
        { a: { b: { c: { d: 1 } } } },
        ['x'.repeat(300)],
      ),
    },
    { weight: 1, arbitrary: fc.constant('x'.repeat(5000)) },
    { weight: 1, arbitrary: fc.constant('ä'.repeat(60_000)) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
    { weight: 1, arbitrary: fc.integer() },
    { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
    { weight: 1, arbitrary: fc.date({ noInvalidDate: true }).map((date) => date.toISOString()) },
  );
}

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString();

/** A value the field would accept, roughly: enough to get a request past validation into the service. */
function plausibleValue(field: Field, ids: string[], depth = 0): fc.Arbitrary<unknown> {
  const rule = (name: string) => field.rules.get(name);
  let value: fc.Arbitrary<unknown>;
  if (field.nested && depth < 3) {
    value = objectOf(field.nested, ids, depth + 1, false);
  } else if (rule('isIn')) {
    const options = (rule('isIn')![0] as unknown[]) ?? [];
    value = options.length > 0 ? fc.constantFrom(...options) : fc.constant('x');
  } else if (rule('isUuid')) {
    value = fc.oneof(fc.constantFrom(...ids), fc.uuid());
  } else if (rule('isInt')) {
    const min = (rule('min')?.[0] as number | undefined) ?? -5;
    const max = (rule('max')?.[0] as number | undefined) ?? Math.max(min + 10, 10);
    value = fc.integer({ min, max });
  } else if (rule('isNumber')) {
    value = fc.double({ min: -1000, max: 1000, noNaN: true });
  } else if (rule('isBoolean')) {
    value = fc.boolean();
  } else if (rule('isDate') || rule('isIso8601') || rule('isDateString')) {
    value = fc.integer({ min: -400, max: 800 }).map(day);
  } else if (rule('isEmail')) {
    value = fc.emailAddress();
  } else if (rule('isUrl')) {
    value = fc.constantFrom('https://example.com/hook', 'https://93.184.215.14/x', 'http://localhost:1/x');
  } else if (rule('isTimeZone')) {
    value = fc.constantFrom('Europe/Stockholm', 'UTC');
  } else {
    const max = (rule('maxLength')?.[0] as number | undefined) ?? 40;
    value = fc.string({ minLength: 1, maxLength: Math.min(max, 40) });
  }
  return field.each || rule('isArray') ? fc.array(value, { maxLength: 3 }) : value;
}

function objectOf(
  fields: FieldSet,
  ids: string[],
  depth: number,
  hostile: boolean,
): fc.Arbitrary<Record<string, unknown>> {
  const entries = fields.map((field) =>
    fc.oneof(
      { weight: 5, arbitrary: plausibleValue(field, ids, depth).map((value) => [field.name, value] as const) },
      { weight: hostile ? 3 : 0, arbitrary: hostileValue().map((value) => [field.name, value] as const) },
      { weight: 1, arbitrary: fc.constant(null) },
    ),
  );
  return fc
    .tuple(
      fc.tuple(...entries),
      hostile
        ? fc.option(
            fc.tuple(
              fc.constantFrom('admin', 'platformAdmin', '__proto__', 'constructor', 'id', 'x'.repeat(300), '\u0000'),
              hostileValue(),
            ),
          )
        : fc.constant(null),
    )
    .map(([pairs, extra]) => {
      const body: Record<string, unknown> = {};
      for (const pair of pairs) if (pair) body[pair[0]] = pair[1];
      if (extra)
        Object.defineProperty(body, extra[0], {
          value: extra[1],
          enumerable: true,
          configurable: true,
          writable: true,
        });
      return body;
    });
}

// ---- encoding: lone surrogates and raw bytes must reach the server as they are ----

function encodeComponent(value: string): string {
  return [...Buffer.from(value, 'utf8')]
    .map((byte) =>
      /[A-Za-z0-9\-_.~]/.test(String.fromCharCode(byte))
        ? String.fromCharCode(byte)
        : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`,
    )
    .join('');
}

const RAW_PATH_SEGMENTS = [
  '%E0%A4%A',
  '%FF%FE',
  '%',
  '%25',
  '..',
  '.',
  '%2e%2e',
  '%2F',
  'a%00b',
  '%C0%AF',
  'x'.repeat(3000),
];

function pathValue(ids: string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...ids) },
    { weight: 1, arbitrary: fc.uuid() },
    {
      weight: 3,
      arbitrary: hostileValue().map((value) =>
        encodeComponent((typeof value === 'string' ? value : (JSON.stringify(value) ?? 'undefined')).slice(0, 2000)),
      ),
    },
    { weight: 1, arbitrary: fc.constantFrom(...RAW_PATH_SEGMENTS) },
  );
}

function queryString(keys: string[], ids: string[]): fc.Arbitrary<string> {
  const pair = fc.tuple(
    fc.oneof(
      fc.constantFrom(...keys),
      fc.constantFrom('limit', 'cursor', 'from', 'to', 'token', 'q', '__proto__', 'x[y]', 'a%00'),
    ),
    fc.oneof(
      hostileValue(),
      fc.constantFrom(...ids),
      fc.integer({ min: -5, max: 300 }),
      // A cursor as the API makes them (base64url JSON), holding what the API never would.
      fc
        .array(fc.oneof(hostileValue(), fc.constantFrom(...ids)), { maxLength: 3 })
        .map((values) => Buffer.from(JSON.stringify(values)).toString('base64url')),
    ),
  );
  return fc.array(pair, { maxLength: 4 }).map((pairs) =>
    pairs
      .map(([key, value]) => {
        const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? '');
        return `${key.includes('%') ? key : encodeComponent(key)}=${encodeComponent(text.slice(0, 3000))}`;
      })
      .join('&'),
  );
}

function bodyOf(
  operation: Operation,
  fields: FieldSet,
  ids: string[],
): fc.Arbitrary<{ contentType: string | null; body: string | null }> {
  const json = (value: fc.Arbitrary<unknown>) =>
    value.map((body) => ({ contentType: 'application/json', body: JSON.stringify(body) ?? 'null' }));
  const wantsBody = operation.method !== 'get' && operation.method !== 'delete';
  return fc.oneof(
    { weight: wantsBody ? 8 : 1, arbitrary: json(objectOf(fields, ids, 0, true)) },
    { weight: 2, arbitrary: json(hostileValue()) },
    { weight: 1, arbitrary: fc.constant({ contentType: null, body: null }) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        { contentType: 'application/json', body: '{"a":' },
        { contentType: 'application/json', body: '' },
        { contentType: 'application/json', body: '{"__proto__":{"admin":true}}' },
        { contentType: 'application/json', body: '[' + '['.repeat(5000) },
        { contentType: 'application/json; charset=utf-16', body: '{}' },
        { contentType: 'text/plain', body: 'hello' },
        { contentType: 'application/x-www-form-urlencoded', body: 'a[b][c]=1&title=%00&x=%E0%A4%A' },
        {
          contentType: 'application/xml',
          body: '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>',
        },
        { contentType: 'application/json', body: JSON.stringify({ x: 'y'.repeat(200_000) }) },
      ),
    },
  );
}

/** The cases of one operation: a caller, a path with its parameters, a query string and a body. */
export function casesOf(
  document: OpenApi,
  operation: Operation,
  ids: string[],
  queryKeys: string[],
): fc.Arbitrary<FuzzCase> {
  const fields = operation.bodySchema ? fieldsOfSchema(document, operation.bodySchema) : [];
  const keys = [...new Set([...operation.queryParams, ...queryKeys])];
  return fc
    .record({
      caller: fc.constantFrom<FuzzCase['caller']>('anonymous', 'company'),
      params: fc.tuple(...operation.pathParams.map(() => pathValue(ids)), fc.constant('')),
      query: queryString(keys, ids),
      payload: bodyOf(operation, fields, ids),
    })
    .map(({ caller, params, query, payload }) => {
      let path = operation.path;
      operation.pathParams.forEach((name, index) => (path = path.replace(`{${name}}`, params[index]!)));
      return { caller, path, query, ...payload };
    });
}

/** Every field name any DTO declares: the query keys a list route may take, which the document may not list. */
export function knownFieldNames(): string[] {
  const storage = getMetadataStorage() as unknown as {
    validationMetadatas: Map<Function, Array<{ propertyName: string }>>;
  };
  const names = new Set<string>();
  for (const entries of storage.validationMetadatas.values())
    for (const entry of entries) if (!/^[A-Z0-9_]+$/.test(entry.propertyName)) names.add(entry.propertyName);
  return [...names];
}

export interface FuzzAnswer {
  status: number;
  contentType: string;
  body: string;
}

export async function send(context: FuzzContext, operation: Operation, fuzz: FuzzCase): Promise<FuzzAnswer> {
  const url = fuzz.query ? `${fuzz.path}?${fuzz.query}` : fuzz.path;
  let call = request(context.server)[operation.method](url).timeout({ response: 30_000, deadline: 60_000 });
  if (fuzz.caller === 'company') call = call.set('Authorization', `Bearer ${context.bearer}`);
  if (fuzz.contentType) call = call.set('Content-Type', fuzz.contentType);
  const response = fuzz.body === null ? await call : await call.send(fuzz.body);
  return {
    status: response.status,
    contentType: String(response.headers['content-type'] ?? ''),
    body: response.text ?? '',
  };
}

/** Why an answer breaks the rules, or null when it keeps them. */
export function brokenRule(answer: FuzzAnswer): string | null {
  if (answer.status >= 500) return `answered ${answer.status}: ${answer.body.slice(0, 500)}`;
  if (answer.status >= 400 && !/^application\/problem\+json/.test(answer.contentType))
    return `answered ${answer.status} as ${answer.contentType || 'no content type'}, not problem+json`;
  return null;
}

export function describeCase(operation: Operation, fuzz: FuzzCase): string {
  const cut = (text: string, max: number) =>
    text.length > max ? `${text.slice(0, max)}... (${text.length} chars)` : text;
  const body = fuzz.body === null ? '' : ` ${fuzz.contentType}: ${cut(fuzz.body, 400)}`;
  return `${operation.method.toUpperCase()} ${cut(fuzz.path, 300)}${fuzz.query ? `?${cut(fuzz.query, 300)}` : ''} as ${fuzz.caller}${body}`;
}
