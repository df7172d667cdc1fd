// Postal addresses laid out the way each country's post expects, from the OpenCage address templates
// (@fragaria/address-formatter): "10117 Berlin" in Germany, "San Francisco, CA 94105" in the US,
// "São Paulo - SP / 01310-100" in Brazil. A Japanese address written in Japanese goes largest first:
// 〒postal code, prefecture and city, street, then the company and the name; a Chinese one in Chinese
// follows its template (largest first) with the name last.
//
// The country line is printed only when the address is in another country than the sender's, as the
// country's English name in capitals ("GERMANY"): the Universal Postal Union asks for the destination
// country last, in capitals, in a language the origin country's post reads, and English is read by all.
import addressFormatter from '@fragaria/address-formatter';
import { countryCode, countryName } from '../../shared/countries';

export interface PostalAddress {
  name: string;
  /** Printed under the name for a business address (label 'work'), unless the street lines already start with it. */
  company?: string | null;
  label?: string | null;
  lines: string | null;
  city: string | null;
  region: string | null;
  postalCode: string | null;
  country: string | null;
}

const oneLine = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

const nonEmpty = (o: Record<string, string>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== ''));

/**
 * The lines of an envelope address block, empties skipped. `senderCountry` is the country the mail leaves
 * from (as typed or a code); the recipient's country line appears only when it differs. A blank country
 * is taken as the sender's.
 */
export function formatPostalAddress(a: PostalAddress, opts: { senderCountry?: string | null } = {}): string[] {
  const home = countryCode(opts.senderCountry);
  const typedCountry = oneLine(a.country);
  const code = countryCode(typedCountry) ?? (typedCountry === '' ? home : null);
  const abroad = typedCountry !== '' && (code === null || home === null || code !== home);
  const countryLine = !abroad ? '' : code ? (countryName(code) ?? typedCountry).toUpperCase() : typedCountry;

  const name = oneLine(a.name);
  const streets = (a.lines ?? '').split(/\r\n|[\r\n]/).map(oneLine).filter((l) => l !== '');
  const company = oneLine(a.company);
  const withCompany = a.label === 'work' && company !== '' && !(streets[0] ?? '').toLowerCase().startsWith(company.toLowerCase());
  const city = oneLine(a.city);
  const region = oneLine(a.region);
  const postalCode = oneLine(a.postalCode);

  if (code === 'JP' && CJK.test([name, city, region, ...streets].join(''))) {
    const out = [postalCode && `〒${postalCode.replace(/^〒\s*/, '')}`, `${region}${city}`, ...streets, withCompany ? company : '', name, countryLine];
    return out.filter((l) => l !== '');
  }

  const locality =
    city === '' && region === '' && postalCode === '' && streets.length === 0
      ? []
      : addressFormatter.format(nonEmpty({ road: streets.join('\n'), city, state: region, postcode: postalCode, countryCode: code ?? '' }), {
          output: 'array',
          appendCountry: false,
          // Courtesy started in the US (USPS sizes, Forever stamps): with no country anywhere, US order.
          fallbackCountryCode: 'US',
        });
  // Chinese addresses written in Chinese run largest first (the template does that), the name at the end.
  const nameLast = (code === 'CN' || code === 'TW') && CJK.test([name, city, region, ...streets].join(''));
  const who = [name, withCompany ? company : ''];
  return (nameLast ? [...locality.map(oneLine), ...who.reverse(), countryLine] : [...who, ...locality.map(oneLine), countryLine]).filter((l) => l !== '');
}
