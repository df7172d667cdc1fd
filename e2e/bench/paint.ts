// When the first element matching a selector is painted, read from the page's own clock: an init script
// (run in every new document before the page's scripts) watches the DOM; the moment the selector first
// matches, the element, its parent and its descendants are marked for Element Timing, still before that frame is
// painted, and the entry's renderTime is the frame's presentation time. Nothing polls, and no protocol
// round trip falls inside the measured window.

export interface Paint {
  /** Navigation start → the first matching element painted. */
  paint: number;
  /** Navigation start → the matching element was in the DOM. */
  inDom: number;
  /** Navigation start → the app's entry script (assets/index-*.js) had arrived; 0 when there is none. */
  entryArrived: number;
}

/**
 * The init script's text. A string, not a function: the bench runs under tsx, whose transform would
 * wrap named functions in a helper that does not exist in the page.
 */
export function firstPaintScript(selector: string): string {
  return `(() => {
  let resolve;
  window.__benchFirstPaint = new Promise((r) => (resolve = r));
  let inDom = -1;
  const entry = () => performance.getEntriesByType('resource').find((e) => /\\/assets\\/index-[^/]*\\.js$/.test(e.name));
  const po = new PerformanceObserver((list) => {
    const e = list.getEntries().find((x) => x.identifier === 'bench-first');
    if (!e) return;
    po.disconnect();
    resolve({ paint: e.renderTime || e.startTime, inDom, entryArrived: entry()?.responseEnd ?? 0 });
  });
  po.observe({ type: 'element', buffered: true });
  const selector = ${JSON.stringify(selector)};
  const mo = new MutationObserver(() => {
    const el = document.querySelector(selector);
    if (!el) return;
    mo.disconnect();
    inDom = performance.now();
    // Text is timed on the block that lays it out: for an inline match (a link in a cell) that is the parent.
    for (const n of [el.parentElement, el, ...el.querySelectorAll('*')]) n?.setAttribute('elementtiming', 'bench-first');
  });
  mo.observe(document, { childList: true, subtree: true });
})();`;
}

/** Waits (in the page) for the paint the init script records; fails after 20 s rather than hang. */
export async function firstPaint(page: import('@playwright/test').Page, selector: string): Promise<Paint> {
  const p = await page.evaluate(
    () =>
      Promise.race([
        (window as unknown as { __benchFirstPaint?: Promise<Paint> }).__benchFirstPaint ?? null,
        new Promise<null>((r) => setTimeout(() => r(null), 20_000)),
      ]),
  );
  if (!p) throw new Error(`No paint of ${selector} recorded on ${page.url()}.`);
  return p;
}
