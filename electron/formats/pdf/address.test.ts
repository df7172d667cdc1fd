import { describe, expect, it } from 'vitest';
import { countryCode, isInternational } from '../../shared/countries';
import { formatPostalAddress, type PostalAddress } from './address';

const addr = (a: Partial<PostalAddress>): PostalAddress => ({ name: 'Dana Lee', lines: null, city: null, region: null, postalCode: null, country: null, ...a });

describe('formatPostalAddress by country', () => {
  it('US: city, state ZIP; no country line at home', () => {
    const a = addr({ lines: '500 Market Street\nFloor 12', city: 'San Francisco', region: 'CA', postalCode: '94105', country: 'USA' });
    expect(formatPostalAddress(a, { senderCountry: 'United States' })).toEqual(['Dana Lee', '500 Market Street', 'Floor 12', 'San Francisco, CA 94105']);
  });

  it('DE: postal code before the city, street with the number after it, country line from abroad', () => {
    const a = addr({ name: 'Jana Müller', lines: 'Unter den Linden 5', city: 'Berlin', region: 'Berlin', postalCode: '10117', country: 'Deutschland' });
    expect(formatPostalAddress(a, { senderCountry: 'US' })).toEqual(['Jana Müller', 'Unter den Linden 5', '10117 Berlin', 'GERMANY']);
    expect(formatPostalAddress(a, { senderCountry: 'Germany' })).toEqual(['Jana Müller', 'Unter den Linden 5', '10117 Berlin']);
  });

  it('GB: post town and postcode on their own lines', () => {
    const a = addr({ name: 'Jo Bloggs', lines: '10 Downing Street', city: 'London', postalCode: 'SW1A 2AA', country: 'UK' });
    expect(formatPostalAddress(a, { senderCountry: 'US' })).toEqual(['Jo Bloggs', '10 Downing Street', 'London', 'SW1A 2AA', 'UNITED KINGDOM']);
  });

  it('FR: code postal then ville', () => {
    const a = addr({ name: 'Camille Martin', lines: '55 rue du Faubourg Saint-Honoré', city: 'Paris', postalCode: '75008', country: 'France' });
    expect(formatPostalAddress(a, { senderCountry: 'DE' })).toEqual(['Camille Martin', '55 rue du Faubourg Saint-Honoré', '75008 Paris', 'FRANCE']);
  });

  it('JP in Japanese: postal code first, largest to smallest, the name (family first, as typed) last', () => {
    const a = addr({ name: '山田 太郎', lines: '丸の内1-1-1', city: '千代田区', region: '東京都', postalCode: '100-0005', country: '日本' });
    expect(formatPostalAddress(a, { senderCountry: 'JP' })).toEqual(['〒100-0005', '東京都千代田区', '丸の内1-1-1', '山田 太郎']);
    expect(formatPostalAddress(a, { senderCountry: 'US' })).toEqual(['〒100-0005', '東京都千代田区', '丸の内1-1-1', '山田 太郎', 'JAPAN']);
  });

  it('JP in Latin letters follows the template', () => {
    const a = addr({ name: 'Taro Yamada', lines: '1-1-1 Marunouchi', city: 'Chiyoda-ku', region: 'Tokyo', postalCode: '100-0005', country: 'JP' });
    const lines = formatPostalAddress(a, { senderCountry: 'US' });
    expect(lines[0]).toBe('Taro Yamada');
    expect(lines.at(-1)).toBe('JAPAN');
    expect(lines.join(' ')).toContain('100-0005');
  });

  it('BR: city - state, then the CEP', () => {
    const a = addr({ name: 'João Silva', lines: 'Avenida Paulista, 1578', city: 'São Paulo', region: 'SP', postalCode: '01310-200', country: 'Brasil' });
    expect(formatPostalAddress(a, { senderCountry: 'US' })).toEqual(['João Silva', 'Avenida Paulista, 1578', 'São Paulo - SP', '01310-200', 'BRAZIL']);
  });

  it('a blank country is the sender’s; an unknown one is printed as typed', () => {
    const blank = addr({ lines: '1 Rue X', city: 'Lyon', postalCode: '69001' });
    expect(formatPostalAddress(blank, { senderCountry: 'FR' })).toEqual(['Dana Lee', '1 Rue X', '69001 Lyon']);
    expect(formatPostalAddress({ ...blank, country: 'Atlantis' }, { senderCountry: 'FR' }).at(-1)).toBe('Atlantis');
    // Nothing known anywhere: US order, and the country line whenever one is given.
    expect(formatPostalAddress(addr({ city: 'Oakland', region: 'CA', postalCode: '94607' }))).toEqual(['Dana Lee', 'Oakland, CA 94607']);
  });

  it('adds the company under the name for a work address, once', () => {
    const a = addr({ label: 'work', company: 'Globex', lines: '500 Market Street', city: 'San Francisco', region: 'CA', postalCode: '94105', country: 'US' });
    expect(formatPostalAddress(a, { senderCountry: 'US' }).slice(0, 3)).toEqual(['Dana Lee', 'Globex', '500 Market Street']);
    expect(formatPostalAddress({ ...a, label: 'home' }, { senderCountry: 'US' })[1]).toBe('500 Market Street');
    expect(formatPostalAddress({ ...a, lines: 'Globex Tower\n500 Market Street' }, { senderCountry: 'US' })[1]).toBe('Globex Tower');
  });
});

describe('countries', () => {
  it('resolves codes and names in several languages', () => {
    expect(['DE', 'de', 'Germany', 'Deutschland', 'Allemagne', 'ドイツ'].map(countryCode)).toEqual(Array(6).fill('DE'));
    expect(['USA', 'U.S.A.', 'United States', 'États-Unis', 'us'].map(countryCode)).toEqual(Array(5).fill('US'));
    expect(['日本', 'Japan', 'JP'].map(countryCode)).toEqual(['JP', 'JP', 'JP']);
    expect(countryCode('UK')).toBe('GB');
    expect(countryCode('Narnia')).toBeNull();
    expect(countryCode('  ')).toBeNull();
  });

  it('tells domestic mail from international', () => {
    expect(isInternational('US', 'USA')).toBe(false);
    expect(isInternational('US', 'Germany')).toBe(true);
    expect(isInternational('Deutschland', 'DE')).toBe(false);
    expect(isInternational('US', null)).toBe(false);
    expect(isInternational(null, 'Germany')).toBe(false);
    expect(isInternational('US', 'Atlantis')).toBe(true);
  });
});
