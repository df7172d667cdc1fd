import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * Independent checkers (Debian's python3-vobject and python3-icalendar, poppler's pdftotext) validate
 * what Courtesy writes with software nobody here wrote. `.ci/run` installs them, so under CI a missing
 * tool is a failure, never a silent skip; on a developer machine without them the test skips and says
 * which package to install.
 */
export const SYSTEM_PYTHON = '/usr/bin/python3';

const probes: Record<string, { check: () => boolean; pkg: string }> = {
  vobject: { check: () => pythonHas('vobject'), pkg: 'python3-vobject' },
  icalendar: { check: () => pythonHas('icalendar'), pkg: 'python3-icalendar' },
  pdftotext: { check: () => existsSync('/usr/bin/pdftotext'), pkg: 'poppler-utils' },
};

function pythonHas(module: string): boolean {
  if (!existsSync(SYSTEM_PYTHON)) return false;
  return spawnSync(SYSTEM_PYTHON, ['-c', `import ${module}`], { stdio: 'ignore' }).status === 0;
}

export type ExternalTool = keyof typeof probes;

/** Why a test must skip, or null when the tool is there. Throws under CI, where skipping would hide a gap. */
export function missingTool(tool: ExternalTool): string | null {
  const probe = probes[tool]!;
  if (probe.check()) return null;
  const why = `${tool} is not installed (apt-get install ${probe.pkg}; .ci/run does this)`;
  if (process.env.CI) throw new Error(`CI must have ${tool}: ${why}`);
  return why;
}

/** Runs a Python snippet with the system interpreter (where Debian's modules live); stdin in, stdout out. */
export function runPython(script: string, input: string | Buffer): string {
  return execFileSync(SYSTEM_PYTHON, ['-c', script], { input, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

/** Extracts a PDF's text with poppler's pdftotext (UTF-8, layout kept), reading the PDF from stdin. */
export function pdfToText(pdf: Uint8Array, ...args: string[]): string {
  return execFileSync('/usr/bin/pdftotext', ['-enc', 'UTF-8', ...args, '-', '-'], { input: pdf, encoding: 'utf8' });
}
