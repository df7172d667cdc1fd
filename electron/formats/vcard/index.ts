export { parseVCards } from './parse';
export { splitName, toVCard } from './write';
export { foldContentLine } from './lines';
export type {
  ChannelLabel,
  VCardAddress,
  VCardContact,
  VCardEmail,
  VCardExportAddress,
  VCardExportChannel,
  VCardExportContact,
  VCardName,
  VCardParseResult,
  VCardPhone,
  VCardUrl,
} from './types';
