// The shapes vCard import and export exchange with the contacts domain. A parsed card carries
// everything a contact can hold (and a few things it cannot yet, such as ORG units, every URL and
// BDAY) so that the domain decides where each goes; what the card itself does not keep is named in
// its warnings.

export type VCardVersion = '2.1' | '3.0' | '4.0';

/** Labels Courtesy gives a channel; `mobile` only for phones. */
export type ChannelLabel = 'work' | 'home' | 'mobile' | 'other';

export interface VCardName {
  family: string;
  given: string;
  additional: string;
  prefixes: string;
  suffixes: string;
}

interface Channel {
  /** work | home | other (phones also mobile), from TYPE parameters or an Apple X-ABLabel. */
  label: ChannelLabel;
  /** The TYPE parameters as written, lower case ("internet", "voice" and "pref" included). */
  types: string[];
  /** A vendor's own label (Apple's X-ABLabel) when it is not one of the built-in ones. */
  customLabel: string | null;
  /** 1 = most preferred (2.1 bare PREF, 3.0 TYPE=pref, 4.0 PREF=n); null when not marked. */
  pref: number | null;
}

export interface VCardEmail extends Channel {
  value: string;
}

export interface VCardPhone extends Channel {
  value: string;
}

export interface VCardAddress extends Channel {
  lines: string | null;
  city: string | null;
  region: string | null;
  postalCode: string | null;
  country: string | null;
}

export interface VCardUrl {
  value: string;
  types: string[];
  customLabel: string | null;
  pref: number | null;
}

export interface VCardOrg {
  name: string;
  /** `ORG:Company;Department;Team` → ['Department', 'Team']. */
  units: string[];
}

/** Courtesy's own fields, written as X-COURTESY-* properties so they never travel inside NOTE. */
export interface VCardAppFields {
  metHow: string | null;
}

export interface VCardContact {
  version: VCardVersion;
  /** The display name: FN, else built from N, else from the first e-mail address. */
  name: string;
  /** N as written; null when the card has no N or an empty one. */
  n: VCardName | null;
  /** Whether the display name puts the family name first (山田 太郎), read from how FN relates to N. */
  nameOrder: 'given_first' | 'family_first';
  org: VCardOrg | null;
  title: string | null;
  /** Sorted most preferred first (then in file order); duplicates removed. */
  emails: VCardEmail[];
  phones: VCardPhone[];
  addresses: VCardAddress[];
  urls: VCardUrl[];
  /** `YYYY-MM-DD`, or `--MM-DD` without a year; other text as written. */
  birthday: string | null;
  /** Every NOTE, in file order. */
  notes: string[];
  /** Other plain-text properties kept for the notes under a label (NICKNAME, ROLE…). */
  extras: Array<{ property: string; label: string; value: string }>;
  app: VCardAppFields;
}

export interface VCardParseResult {
  cards: Array<{ index: number; contact: VCardContact; warnings: string[] }>;
  /** index is the card's 0-based position in the file; -1 means the file as a whole. */
  errors: Array<{ index: number; message: string; excerpt: string }>;
}

export interface VCardExportChannel {
  value: string;
  label?: ChannelLabel | null;
  primary?: boolean;
}

export interface VCardExportAddress {
  lines?: string | null;
  city?: string | null;
  region?: string | null;
  postalCode?: string | null;
  country?: string | null;
  label?: ChannelLabel | null;
  primary?: boolean;
}

export interface VCardExportContact {
  /** The display name (FN). */
  name: string;
  /** Structured name as entered; when both are missing, N is derived from `name` and `nameOrder`. */
  givenName?: string | null;
  familyName?: string | null;
  nameOrder?: 'given_first' | 'family_first' | null;
  title?: string | null;
  company?: string | null;
  orgUnits?: string[];
  emails?: VCardExportChannel[];
  phones?: VCardExportChannel[];
  addresses?: VCardExportAddress[];
  urls?: string[];
  /** `YYYY-MM-DD` or `--MM-DD`. */
  birthday?: string | null;
  notes?: string | null;
  app?: Partial<VCardAppFields>;
}
