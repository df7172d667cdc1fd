// Writing a CSV file that spreadsheets open safely and correctly.
import Papa from 'papaparse';

/**
 * CSV with CRLF line ends and a UTF-8 BOM (so Excel reads accents and € instead of guessing the
 * Windows code page). A cell starting with = + - @ (even across lines) is a formula to a
 * spreadsheet, so it gets an apostrophe in front; readCsv takes it off again. A cell that already
 * starts with apostrophes before such a character gets one more, so reading never takes off one
 * that was typed.
 */
export function writeCsv(headers: string[], rows: Array<Array<string | number>>): string {
  const csv = Papa.unparse({ fields: headers, data: rows }, { escapeFormulae: /^'*[=+\-@\t\r]/, newline: '\r\n' });
  return `\uFEFF${csv}\r\n`;
}
