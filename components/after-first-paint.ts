/**
 * Runs `start` once the browser has painted the page's first frame (its snapshot, or the static
 * shell), so that frame never waits for the app's JavaScript to be parsed and run. A hidden page paints no frames, so there
 * it starts at once; a fallback keeps a throttled page from waiting long.
 */
export function afterFirstPaint(start: () => unknown): void {
  let started = false;
  const once = () => {
    if (started) return;
    started = true;
    start();
  };
  if (document.visibilityState === 'hidden') return once();
  // A timeout queued from a frame callback runs after that frame is painted.
  requestAnimationFrame(() => setTimeout(once, 0));
  setTimeout(once, 100);
}
