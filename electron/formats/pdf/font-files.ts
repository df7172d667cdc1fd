// The shipped font files (resources/fonts) as a FontLibrary: one per folder, built on first use.
import fs from 'node:fs';
import path from 'node:path';
import { FontLibrary, type FontFace } from './fonts';

/** Each face's folder under resources/fonts and the file-name pattern of its chunks. */
const FACES: Record<FontFace, { dir: string; match: RegExp }> = {
  sans: { dir: 'noto-sans', match: /-400-normal\.woff$/ },
  'sans-bold': { dir: 'noto-sans', match: /-700-normal\.woff$/ },
  hebrew: { dir: 'noto-sans-hebrew', match: /-400-normal\.woff$/ },
  'hebrew-bold': { dir: 'noto-sans-hebrew', match: /-700-normal\.woff$/ },
  arabic: { dir: 'noto-sans-arabic', match: /-400-normal\.woff$/ },
  'arabic-bold': { dir: 'noto-sans-arabic', match: /-700-normal\.woff$/ },
  ja: { dir: 'noto-sans-jp', match: /-400-normal\.woff$/ },
  zh: { dir: 'noto-sans-sc', match: /-400-normal\.woff$/ },
  ko: { dir: 'noto-sans-kr', match: /-400-normal\.woff$/ },
  emoji: { dir: 'noto-emoji', match: /-400-normal\.woff$/ },
};

// Latin first: most text is Latin, and the first file that covers a character draws it.
const SANS_ORDER = ['latin', 'latin-ext', 'greek', 'greek-ext', 'cyrillic', 'cyrillic-ext', 'vietnamese'];
const rank = (file: string) => {
  const m = /^noto-sans-([a-z-]+)-\d00-normal\.woff$/.exec(file);
  const i = m ? SANS_ORDER.indexOf(m[1]) : -1;
  return i === -1 ? SANS_ORDER.length : i;
};

const libraries = new Map<string, FontLibrary>();

/** The fonts in `folder` (resources/fonts). Throws, naming the folder, when a face has no files. */
export function fontLibrary(folder: string): FontLibrary {
  let lib = libraries.get(folder);
  if (lib) return lib;
  const faces = {} as Record<FontFace, string[]>;
  for (const [face, { dir, match }] of Object.entries(FACES) as Array<[FontFace, (typeof FACES)[FontFace]]>) {
    let names: string[] = [];
    try {
      names = fs.readdirSync(path.join(folder, dir)).filter((f) => match.test(f));
    } catch {
      // reported below
    }
    if (names.length === 0) throw new Error(`The fonts for printing are missing: no ${dir} files in ${folder}.`);
    names.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b, 'en', { numeric: true }));
    faces[face] = names.map((n) => path.join(folder, dir, n));
  }
  lib = new FontLibrary({ faces, read: (file) => fs.readFileSync(file) });
  libraries.set(folder, lib);
  return lib;
}
