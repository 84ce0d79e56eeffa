/**
 * `client:intent`, the theme's own hydration directive (registered in index.ts).
 * Reading a page needs no JavaScript; an island like the sessions' sign-up
 * forms loads React when someone reaches for it — the pointer over it, a touch
 * or a tap in it, the keyboard focus moving into it — or, failing that, once
 * the page has loaded and settled and the island is on screen, so its live
 * parts (the seats left) catch up by themselves. Until then its fields stay
 * disabled (islands/form-parts.tsx: Form), so nothing typed can be lost.
 */

/** How long after the page's load event an island on screen waits before it loads unasked. */
const SETTLE_MS = 3000;
const INTENT = ['pointerover', 'pointerdown', 'touchstart', 'focusin'];

export default (load, _options, island) => {
  let started = false;
  let observer;
  const hydrate = async () => {
    if (started) return;
    started = true;
    for (const type of INTENT) island.removeEventListener(type, hydrate, true);
    observer?.disconnect();
    await (await load())();
  };
  for (const type of INTENT) island.addEventListener(type, hydrate, { capture: true, passive: true });

  const whenOnScreen = () => {
    if (started) return;
    observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) void hydrate();
    });
    for (const child of island.children) observer.observe(child);
  };
  const idle = (callback) =>
    'requestIdleCallback' in window ? window.requestIdleCallback(callback, { timeout: 2000 }) : setTimeout(callback, 0);
  const settled = () => setTimeout(() => idle(whenOnScreen), SETTLE_MS);
  if (document.readyState === 'complete') settled();
  else window.addEventListener('load', settled, { once: true });
};
