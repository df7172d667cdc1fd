// Globals that both runtimes provide (WHATWG URL exists in browsers and in Node), declared for the
// pure configuration (tsconfig.shared.json) that loads neither the DOM lib nor Node's types. Only that
// configuration includes this file; the renderer and main configurations get the full declarations.
// Add a member here only when pure code needs it and both runtimes have it.
interface URL {
  readonly href: string;
  readonly protocol: string;
  readonly hostname: string;
}
// eslint-disable-next-line no-var -- lib.dom.d.ts declares global constructors the same way
declare var URL: { prototype: URL; new (url: string, base?: string): URL };
