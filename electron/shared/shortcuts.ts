// The one table of keyboard shortcuts. The renderer matches keys against it (renderer/src/keys) and lists
// it in the `?` overlay; the Electron menu (shell/menu.ts) shows the same keys beside its items and sends
// the command id to the page, so a shortcut cannot differ between the two.

/** Screens reachable with `G` then a letter (and from the palette and the Go menu). */
export const GO_SCREENS = [
  { letter: 't', screen: 'today', label: 'Today' },
  { letter: 'p', screen: 'pipeline', label: 'Pipeline' },
  { letter: 'c', screen: 'contacts', label: 'Contacts' },
  { letter: 'n', screen: 'notes', label: 'Notes' },
  { letter: 's', screen: 'stationery', label: 'Stationery' },
  { letter: 'i', screen: 'insights', label: 'Insights' },
  { letter: 'm', screen: 'templates', label: 'Templates' },
  { letter: ',', screen: 'settings', label: 'Settings' },
] as const;

export type GoScreen = (typeof GO_SCREENS)[number]['screen'];
export type CommandId = 'new-application' | 'search' | 'palette' | 'shortcuts' | `go-${GoScreen}`;

export interface Shortcut {
  id: CommandId | 'close';
  /** What it does, as the overlay and the menu say it. */
  label: string;
  group: 'General' | 'Go to';
  /**
   * The keys, each a chord ("Mod+K": Ctrl, or ⌘ on a Mac) pressed in turn ("G", "T"). Single keys fire
   * only when focus is not in a text field; chords with Mod fire anywhere.
   */
  keys: string[];
  /** Electron accelerator shown in the menu (display only: the page handles the key, so typing is never taken). */
  accelerator?: string;
}

export const SHORTCUTS: Shortcut[] = [
  { id: 'new-application', label: 'New application', group: 'General', keys: ['N'], accelerator: 'N' },
  { id: 'search', label: 'Search this screen', group: 'General', keys: ['/'], accelerator: '/' },
  { id: 'palette', label: 'Command palette', group: 'General', keys: ['Mod+K'], accelerator: 'CmdOrCtrl+K' },
  { id: 'shortcuts', label: 'Keyboard shortcuts', group: 'General', keys: ['?'], accelerator: 'Shift+/' },
  { id: 'close', label: 'Close a dialog, the palette or a menu', group: 'General', keys: ['Esc'] },
  ...GO_SCREENS.map((s): Shortcut => ({ id: `go-${s.screen}`, label: s.label, group: 'Go to', keys: ['G', s.letter.toUpperCase()] })),
];

export const COMMAND_IDS: readonly CommandId[] = SHORTCUTS.map((s) => s.id).filter((id): id is CommandId => id !== 'close');

export const isCommandId = (v: unknown): v is CommandId => typeof v === 'string' && (COMMAND_IDS as readonly string[]).includes(v);

/** How a chord reads on this platform: "Mod+K" is "Ctrl+K", or "⌘K" on a Mac. */
export function keyLabel(key: string, mac: boolean): string {
  return key.replace(/^Mod\+/, mac ? '⌘' : 'Ctrl+');
}

/** The channel the Electron menu sends a command id on (main → preload → page). */
export const MENU_CHANNEL = 'courtesy:menu';

// ---- Matching keys (pure, so the sequence rules are unit-tested) -------------------------------------

export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  /** Focus is in a text field (or a dialog is open): single keys are typing, not commands. */
  typing: boolean;
  /** Milliseconds, any clock (event.timeStamp). */
  time: number;
}

/** `G` waits this long for its second key. */
export const SEQUENCE_MS = 1500;

/** Between key presses: the `G` waiting for its letter, if any. */
export interface KeyState {
  pendingSince: number | null;
}

export const IDLE: KeyState = { pendingSince: null };

const MODIFIERS = new Set(['Shift', 'Control', 'Meta', 'Alt', 'AltGraph', 'CapsLock']);

/** The command a key press runs (or null), and the state for the next press. */
export function matchKey(state: KeyState, e: KeyPress): { state: KeyState; command: CommandId | null; swallow: boolean } {
  const none = { state: IDLE, command: null, swallow: false };
  if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'k') return { state: IDLE, command: 'palette', swallow: true };
  // A modifier pressed on its own (Shift for `?`) leaves a waiting `G` waiting.
  if (MODIFIERS.has(e.key)) return { state, command: null, swallow: false };
  if (e.typing || e.ctrlKey || e.metaKey || e.altKey) return none;
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  if (state.pendingSince !== null && e.time - state.pendingSince <= SEQUENCE_MS) {
    const go = GO_SCREENS.find((s) => s.letter === key);
    // Any other key ends the sequence without doing anything (Esc included), rather than running alone.
    return go ? { state: IDLE, command: `go-${go.screen}`, swallow: true } : { ...none, swallow: true };
  }
  switch (key) {
    case 'g':
      return { state: { pendingSince: e.time }, command: null, swallow: true };
    case 'n':
      return { state: IDLE, command: 'new-application', swallow: true };
    case '/':
      return { state: IDLE, command: 'search', swallow: true };
    case '?':
      return { state: IDLE, command: 'shortcuts', swallow: true };
    default:
      return none;
  }
}
