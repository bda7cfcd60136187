import { getMetadataStorage, ValidateBy } from 'class-validator';
import type { FieldError } from '../errors/problem-codes.js';

// C0 controls, DEL and C1 controls. Tab (U+0009) and line feed (U+000A) are
// allowed only in multiline text; carriage return only as part of CRLF there.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const CONTROL_EXCEPT_TAB_LF = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
const CONTROL_GLOBAL = /[\u0000-\u001f\u007f-\u009f]/g;
const CONTROL_EXCEPT_TAB_LF_GLOBAL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const LONE_SURROGATE_GLOBAL = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const MULTILINE = 'multilineText';

/**
 * Marks a string property (or a string array) as free text that may hold tabs
 * and line breaks (descriptions, notes, messages). Every other string in a
 * request refuses all control characters. Kept as class-validator metadata, so
 * PartialType, PickType and OmitType carry it over.
 */
export function MultilineText(): PropertyDecorator {
  return ValidateBy({ name: MULTILINE, validator: { validate: () => true } });
}

const multilineByClass = new WeakMap<Function, Set<string>>();

function isMultiline(instance: object, property: string): boolean {
  const type = (instance as { constructor?: Function }).constructor;
  if (typeof type !== 'function') return false;
  let fields = multilineByClass.get(type);
  if (!fields) {
    const metadata = getMetadataStorage().getTargetValidationMetadatas(type, '', true, false);
    fields = new Set(metadata.filter((entry) => entry.name === MULTILINE).map((entry) => entry.propertyName));
    multilineByClass.set(type, fields);
  }
  return fields.has(property);
}

/** Why a string may not be accepted as input, or null when it may. */
export function textProblem(value: string, multiline = false): FieldError | null {
  const text = multiline ? value.replace(/\r\n/g, '\n') : value;
  if ((multiline ? CONTROL_EXCEPT_TAB_LF : CONTROL).test(text)) {
    return {
      field: '',
      message: multiline
        ? 'must not contain control characters other than tab and line break'
        : 'must not contain control characters',
      code: 'controlCharacter',
    };
  }
  if (LONE_SURROGATE.test(text))
    return { field: '', message: 'must be well-formed Unicode (no unpaired surrogates)', code: 'malformedUnicode' };
  return null;
}

/**
 * Every string in a request value (a DTO instance after transformation, a plain
 * object, an array or a scalar), checked once: control characters are refused
 * except tab and line break in fields marked `@MultilineText()`, where CRLF
 * becomes LF. Returns the problems, one per field.
 */
export function checkRequestText(value: unknown, field: string): FieldError[] {
  const problems: FieldError[] = [];
  walk(value, field, false, problems, 0);
  return problems;
}

function walk(value: unknown, field: string, multiline: boolean, problems: FieldError[], depth: number): unknown {
  if (typeof value === 'string') {
    const problem = textProblem(value, multiline);
    if (problem) problems.push({ ...problem, field: field || 'value' });
    return multiline ? value.replace(/\r\n/g, '\n') : value;
  }
  if (value === null || typeof value !== 'object' || depth > 32) return value;
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      value[index] = walk(item, `${field}[${index}]`, multiline, problems, depth + 1);
    });
    return value;
  }
  if (value instanceof Date || Buffer.isBuffer(value)) return value;
  const record = value as Record<string, unknown>;
  const typed = Object.getPrototypeOf(value) !== Object.prototype && Object.getPrototypeOf(value) !== null;
  for (const key of Object.keys(record)) {
    const path = field ? `${field}.${key}` : key;
    const keyProblem = textProblem(key);
    if (keyProblem) problems.push({ ...keyProblem, field: path.replace(CONTROL_GLOBAL, '?') });
    record[key] = walk(record[key], path, typed && isMultiline(value, key), problems, depth + 1);
  }
  return value;
}

/**
 * Unpaired surrogates anywhere in a raw request value (strings and keys), found
 * before validation: some validators (isEmail's URI handling) throw on them.
 */
export function malformedUnicode(value: unknown, field: string, depth = 0): FieldError[] {
  const problem = (at: string): FieldError => ({
    field: at || 'value',
    message: 'must be well-formed Unicode (no unpaired surrogates)',
    code: 'malformedUnicode',
  });
  if (typeof value === 'string') return LONE_SURROGATE.test(value) ? [problem(field)] : [];
  if (value === null || typeof value !== 'object' || depth > 32) return [];
  if (Array.isArray(value))
    return value.flatMap((item, index) => malformedUnicode(item, `${field}[${index}]`, depth + 1));
  return Object.entries(value as Record<string, unknown>).flatMap(([key, item]) => {
    const path = field
      ? `${field}.${key.replace(LONE_SURROGATE_GLOBAL, '\ufffd')}`
      : key.replace(LONE_SURROGATE_GLOBAL, '\ufffd');
    return [...(LONE_SURROGATE.test(key) ? [problem(path)] : []), ...malformedUnicode(item, path, depth + 1)];
  });
}

/**
 * One line of text for a header-like place (an iCalendar property, an e-mail
 * subject or address name): every control character, CR and LF included,
 * becomes a space, and unpaired surrogates become U+FFFD.
 */
export function singleLine(value: string): string {
  return value.replace(CONTROL_GLOBAL, ' ').replace(LONE_SURROGATE_GLOBAL, '\ufffd');
}

/** Text that may keep its line breaks (an iCalendar DESCRIPTION): CRLF and CR become LF, other controls go. */
export function plainText(value: string): string {
  return value
    .replace(/\r\n?/g, '\n')
    .replace(CONTROL_EXCEPT_TAB_LF_GLOBAL, '')
    .replace(LONE_SURROGATE_GLOBAL, '\ufffd');
}
