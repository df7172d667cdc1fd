// Salary cells: amounts written the ways spreadsheets write them, ranges, and currencies.

const CURRENCY_CODES = /\b(USD|EUR|GBP|CAD|AUD|NZD|CHF|JPY|INR|SEK|NOK|DKK|PLN|CZK|SGD|HKD|BRL|MXN|ZAR|ILS|CNY)\b/i;
const CURRENCY_SYMBOLS: Array<[RegExp, string]> = [
  [/(CA|C)\$/, 'CAD'],
  [/(AU|A)\$/, 'AUD'],
  [/NZ\$/, 'NZD'],
  [/HK\$/, 'HKD'],
  [/S\$/, 'SGD'],
  [/\$/, 'USD'],
  [/€/, 'EUR'],
  [/£/, 'GBP'],
  [/¥/, 'JPY'],
  [/₹/, 'INR'],
];

export function currencyIn(s: string): string | null {
  const code = CURRENCY_CODES.exec(s);
  if (code) return code[1].toUpperCase();
  for (const [re, c] of CURRENCY_SYMBOLS) if (re.test(s)) return c;
  return null;
}

/** "Salary (EUR)": the header's remark names the currency when the cells do not. */
export function currencyFromHeader(header: string): string | null {
  const remark = /\(([^)]*)\)/.exec(header);
  return remark ? currencyIn(remark[1]) : null;
}

/** "120k" → 120000, "55.000" → 55000, "120'000" → 120000, "1.5m" → 1500000. */
function parseAmount(raw: string): { value: number; mult: number } | null {
  const m = /^(\d[\d.,'\u00a0\u202f ]*?)\s*([km])?$/i.exec(raw.trim());
  if (!m) return null;
  let num = m[1].replace(/['\u00a0\u202f ]/g, '');
  if (/^\d{1,3}([.,]\d{3})+$/.test(num)) num = num.replace(/[.,]/g, '');
  else if (/^\d{1,3}(,\d{3})*\.\d+$/.test(num)) num = num.replace(/,/g, '');
  else if (/^\d{1,3}(\.\d{3})*,\d+$/.test(num)) num = num.replace(/\./g, '').replace(',', '.');
  else if (/^\d+,\d+$/.test(num)) num = num.replace(',', '.');
  else if (!/^\d+(\.\d+)?$/.test(num)) return null;
  const mult = !m[2] ? 1 : m[2].toLowerCase() === 'k' ? 1000 : 1_000_000;
  return { value: Math.round(parseFloat(num) * mult), mult };
}

const NOISE =
  /(CA|AU|NZ|HK|US|C|A|S)?\$|[€£¥₹]|\b(USD|EUR|GBP|CAD|AUD|NZD|CHF|JPY|INR|SEK|NOK|DKK|PLN|CZK|SGD|HKD|BRL|MXN|ZAR|ILS|CNY)\b|\bper\s+\w+|\/\s*[a-z]+\.?|\b(annually|yearly|annual|a year|p\.?\s?a\.?|gross|base|brutto|salary|about|approx\.?|ca\.?)\b|\+|~/gi;

export interface SalaryRead {
  min: number | null;
  max: number | null;
  currency: string | null;
  /** Set when the text is not a salary we can read; the text is then kept in the notes. */
  unreadable: boolean;
  hourly: boolean;
  /** A plain "$": read as US dollars unless the header says otherwise. */
  bareDollar: boolean;
}

/** "$120k–140k", "120000-140000", "EUR 70k-80k", "150k+", "up to 90k", "CHF 120'000". */
export function parseSalary(raw: string): SalaryRead {
  const text = raw.trim();
  const currency = currencyIn(text);
  const out: SalaryRead = {
    min: null,
    max: null,
    currency,
    unreadable: false,
    hourly: /(\/|per|an?)\s*(h|hr|hour)\b|hourly/i.test(text),
    bareDollar: currency === 'USD' && !/USD|US\$/i.test(text),
  };
  let body = text;
  const from = /^(from|min(imum)?|at least|starting( at)?|ab)\b/i.test(body) || /\+\s*$/.test(body);
  const upTo = /^(up to|max(imum)?|under|bis|<)/i.test(body);
  body = body.replace(/^(from|min(imum)?|at least|starting( at)?|ab|up to|max(imum)?|under|bis|<)\s*:?/i, '');
  const parts = body
    .split(/\s*(?:–|—|-|\bto\b|\bbis\b)\s*/i)
    .map((p) => p.replace(NOISE, '').trim())
    .filter((p) => p !== '');
  const amounts = parts.map(parseAmount);
  if (amounts.length === 0 || amounts.length > 2 || amounts.some((a) => a === null)) return { ...out, unreadable: true };
  const [a, b] = amounts as Array<{ value: number; mult: number }>;
  if (b) {
    // "120-140k": the k belongs to both.
    out.min = a.mult === 1 && b.mult > 1 && a.value < 1000 ? a.value * b.mult : a.value;
    out.max = b.value;
  } else if (from) out.min = a.value;
  else if (upTo) out.max = a.value;
  else out.min = out.max = a.value;
  return out;
}


/** One amount in a min or max column, with currency and "per year" words around it: "$120,000 p.a." → 120000. */
export function parseAmountCell(raw: string): number | null {
  return parseAmount(raw.replace(NOISE, '').trim())?.value ?? null;
}
