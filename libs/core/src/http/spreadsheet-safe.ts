// A cell that starts with one of these is read as a formula by spreadsheet
// programs (CSV injection, OWASP): = + - @, and tab or CR before one.
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell of a CSV the API writes, made safe to open in a spreadsheet: one
 * that would start a formula gets a leading apostrophe, so it shows as the text
 * it is. Numbers are left alone (they are written as numbers, never as formulas).
 */
export function spreadsheetSafe(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}
