import { describe, expect, it } from 'vitest';
import { COMMAND_IDS, GO_SCREENS, IDLE, SEQUENCE_MS, SHORTCUTS, isCommandId, keyLabel, matchKey, type KeyPress, type KeyState } from './shortcuts';

const press = (key: string, over: Partial<KeyPress> = {}): KeyPress => ({ key, ctrlKey: false, metaKey: false, altKey: false, typing: false, time: 0, ...over });

/** Runs presses in turn and lists the commands they ran. */
function run(presses: KeyPress[]) {
  let state: KeyState = IDLE;
  const out: Array<string | null> = [];
  for (const p of presses) {
    const r = matchKey(state, p);
    state = r.state;
    out.push(r.command);
  }
  return out;
}

describe('the shortcut table', () => {
  it('gives every screen its own letter, and every shortcut its own keys', () => {
    expect(new Set(GO_SCREENS.map((s) => s.letter)).size).toBe(GO_SCREENS.length);
    const keys = SHORTCUTS.map((s) => s.keys.join(' '));
    expect(new Set(keys).size).toBe(keys.length);
    expect(COMMAND_IDS).toContain('go-settings');
    expect(COMMAND_IDS).not.toContain('close');
    expect(isCommandId('palette')).toBe(true);
    expect(isCommandId('go-nowhere')).toBe(false);
    expect(isCommandId(42)).toBe(false);
  });

  it('writes Mod as Ctrl, or ⌘ on a Mac', () => {
    expect(keyLabel('Mod+K', false)).toBe('Ctrl+K');
    expect(keyLabel('Mod+K', true)).toBe('⌘K');
    expect(keyLabel('N', true)).toBe('N');
  });
});

describe('matching keys', () => {
  it('runs single keys outside text fields only', () => {
    expect(run([press('n'), press('/'), press('?', { time: 1 })])).toEqual(['new-application', 'search', 'shortcuts']);
    expect(run([press('n', { typing: true }), press('/', { typing: true }), press('?', { typing: true })])).toEqual([null, null, null]);
    // A letter with Ctrl, ⌘ or Alt belongs to the browser or the system.
    expect(run([press('n', { ctrlKey: true }), press('n', { metaKey: true }), press('n', { altKey: true })])).toEqual([null, null, null]);
  });

  it('opens the palette with Ctrl+K or ⌘K, even in a text field', () => {
    expect(run([press('k', { ctrlKey: true }), press('K', { metaKey: true, typing: true })])).toEqual(['palette', 'palette']);
    expect(run([press('k')])).toEqual([null]);
  });

  it('goes to a screen with G then a letter, within the time allowed', () => {
    expect(run([press('g', { time: 0 }), press('p', { time: 400 })])).toEqual([null, 'go-pipeline']);
    expect(run([press('G', { time: 0 }), press('Shift', { time: 100 }), press(',', { time: 300 })])).toEqual([null, null, 'go-settings']);
    // Too late: the letter is a key on its own (N makes a new application, not the Notes screen).
    expect(run([press('g', { time: 0 }), press('n', { time: SEQUENCE_MS + 1 })])).toEqual([null, 'new-application']);
    expect(run([press('g', { time: 0 }), press('n', { time: SEQUENCE_MS })])).toEqual([null, 'go-notes']);
  });

  it('ends a sequence on any other key, without running that key', () => {
    expect(run([press('g'), press('x'), press('p')])).toEqual([null, null, null]);
    expect(run([press('g'), press('Escape'), press('n')])).toEqual([null, null, 'new-application']);
    // Focus moving into a field cancels the waiting G.
    expect(run([press('g'), press('p', { typing: true }), press('p')])).toEqual([null, null, null]);
  });
});
