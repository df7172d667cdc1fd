// Keys typed between Ctrl+K and the palette's field taking focus. The palette opens a render or two after
// the shortcut (and the browser delivers each key as its own task), so a quick "Ctrl+K glob" would lose
// its first letters to the page, where a G or an N is itself a shortcut. From the moment the palette is
// asked for until its field has focus, printable keys are kept here, and the field starts with them.

let buffer: string | null = null;

/** The palette was asked for: keep what is typed until it takes it (asked again on the way: keep all of it). */
export function startTypeAhead(): void {
  buffer ??= '';
}

/** The palette's field has focus: what was typed so far, and keys go to the field from now on. */
export function takeTypeAhead(): string {
  const typed = buffer ?? '';
  buffer = null;
  return typed;
}

/** Keeps a key typed while the palette is on its way; true when the key was kept (nothing else should act on it). */
export function keepTypeAhead(e: KeyboardEvent): boolean {
  if (buffer === null || e.ctrlKey || e.metaKey || e.altKey || e.isComposing) return false;
  if (e.key.length === 1) buffer += e.key;
  else if (e.key === 'Backspace') buffer = buffer.slice(0, -1);
  else return false;
  e.preventDefault();
  return true;
}
