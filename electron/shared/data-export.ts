// Sizes of an import's upload, shared by the contract (which enforces them) and the page (which cuts
// the file into parts of this size). 100 parts of 4 million characters: files up to about 400 MB.
export const UPLOAD_PART_CHARS = 4_000_000;
export const UPLOAD_MAX_PARTS = 100;
