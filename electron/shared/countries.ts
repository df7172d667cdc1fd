// Countries as people type them ("Germany", "Deutschland", "DE", "USA", "日本") resolved to ISO 3166-1
// alpha-2 codes, with the names from the runtime's own CLDR data (Intl.DisplayNames), so nothing here
// needs updating when a country is renamed. Used to format envelopes by country and to tell domestic
// mail from international.

// Names are matched in these languages; the runtime knows every region's name in each.
const LOCALES = ['en', 'de', 'fr', 'es', 'it', 'pt', 'nl', 'pl', 'sv', 'da', 'nb', 'fi', 'cs', 'ru', 'uk', 'el', 'tr', 'ja', 'zh', 'zh-Hant', 'ko'];

// What people write that CLDR does not list as a name.
const ALIASES: Record<string, string> = {
  usa: 'US', 'u.s.a.': 'US', 'u.s.': 'US', us: 'US', america: 'US', 'united states of america': 'US',
  uk: 'GB', 'u.k.': 'GB', 'great britain': 'GB', britain: 'GB', england: 'GB', scotland: 'GB', wales: 'GB', 'northern ireland': 'GB',
  holland: 'NL', 'the netherlands': 'NL', 'south korea': 'KR', korea: 'KR', 'republic of korea': 'KR', 'north korea': 'KP',
  russia: 'RU', 'czech republic': 'CZ', 'people’s republic of china': 'CN', "people's republic of china": 'CN', prc: 'CN',
  uae: 'AE', brasil: 'BR', deutschland: 'DE', 'méxico': 'MX', 'españa': 'ES', 'schweiz': 'CH', 'suisse': 'CH', 'österreich': 'AT',
  '中国': 'CN', '中華人民共和国': 'CN', '日本国': 'JP', '大韓民国': 'KR', '한국': 'KR', '臺灣': 'TW', '台灣': 'TW',
};

// Groupings, private use and countries that no longer exist (East Germany, the USSR, Yugoslavia, …).
const NOT_COUNTRIES = new Set(['AA', 'QM', 'QN', 'QO', 'QU', 'XA', 'XB', 'ZZ', 'EU', 'EZ', 'UN', 'DD', 'SU', 'YU', 'CS', 'ZR', 'TP', 'BU', 'NT', 'FX', 'AN', 'YD', 'DY', 'HV', 'NH', 'RH', 'VD', 'QX', 'ZX']);

const key = (s: string) => s.normalize('NFC').trim().toLowerCase().replace(/\s+/g, ' ');

let byName: Map<string, string> | null = null;
let codes: string[] | null = null;

/** Every region code the runtime names (two letters, AA–ZZ; private-use and unknown ones left out). */
function allCodes(): string[] {
  if (codes) return codes;
  const en = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
  codes = [];
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      const name = en.of(code);
      if (name && name !== code && !/^(Unknown|Pseudo)/.test(name) && !NOT_COUNTRIES.has(code)) codes.push(code);
    }
  }
  return codes;
}

function names(): Map<string, string> {
  if (byName) return byName;
  byName = new Map();
  // Long names first in every language, so a short name never shadows another country's long one.
  for (const style of ['long', 'short'] as const) {
    for (const locale of LOCALES) {
      const dn = new Intl.DisplayNames([locale], { type: 'region', fallback: 'none', style });
      for (const code of allCodes()) {
        const name = dn.of(code);
        if (name && !byName.has(key(name))) byName.set(key(name), code);
      }
    }
  }
  for (const [alias, code] of Object.entries(ALIASES)) byName.set(key(alias), code);
  return byName;
}

/** The ISO alpha-2 code for a country as typed (a code or a name in a common language), or null. */
export function countryCode(typed: string | null | undefined): string | null {
  if (!typed || typed.trim() === '') return null;
  const k = key(typed);
  if (ALIASES[k]) return ALIASES[k];
  if (/^[a-z]{2}$/.test(k) && allCodes().includes(k.toUpperCase())) return k.toUpperCase();
  return names().get(k) ?? names().get(k.replace(/^the /, '')) ?? null;
}

/** The country's English name ("Germany"), or null for an unknown code. */
export function countryName(code: string, locale = 'en'): string | null {
  return new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' }).of(code) ?? null;
}

/**
 * Whether mail from one country to another crosses a border. An unknown country on either side is taken
 * as the same country only when both are blank or both spell the same thing.
 */
export function isInternational(from: string | null | undefined, to: string | null | undefined): boolean {
  const a = countryCode(from);
  const b = countryCode(to);
  if (a && b) return a !== b;
  if (!to || to.trim() === '') return false; // no country on the recipient: mailed at home
  if (!from || from.trim() === '') return false; // the sender's country unknown: nothing to compare
  return key(from) !== key(to);
}
