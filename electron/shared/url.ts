// URL checks shared by the contract's field schemas and the domains (vCard import): both sit above
// this module, so it lives here rather than in api/define.ts.
export function isHttpUrl(v: string): boolean {
  try {
    const u = new URL(v);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}
