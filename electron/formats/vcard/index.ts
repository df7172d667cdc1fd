export { parseVCards } from './parse';
export { toVCard } from './write';
export { foldContentLine } from './lines';
export type { VCardAddress, VCardContact, VCardExportContact, VCardParseResult } from './types';
