// The shapes vCard import and export exchange with the contacts domain.

export interface VCardAddress {
  lines: string | null;
  city: string | null;
  region: string | null;
  postalCode: string | null;
  country: string | null;
  type?: string | null;
}

export interface VCardContact {
  name: string;
  title: string | null;
  company: string | null;
  emails: string[];
  phones: string[];
  addresses: VCardAddress[];
  url: string | null;
  note: string | null;
}

export interface VCardParseResult {
  cards: Array<{ index: number; contact: VCardContact; warnings: string[] }>;
  /** index is the card's 0-based position in the file; -1 means the file as a whole. */
  errors: Array<{ index: number; message: string; excerpt: string }>;
}

export interface VCardExportContact {
  name: string;
  title?: string | null;
  company?: string | null;
  email?: string | null;
  phone?: string | null;
  addressLines?: string | null;
  city?: string | null;
  region?: string | null;
  postalCode?: string | null;
  country?: string | null;
  url?: string | null;
  notes?: string | null;
}
