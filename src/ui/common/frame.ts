/** Schedules `callback` once before the next paint; returns a function that cancels it. */
export type FrameScheduler = (callback: () => void) => () => void;

/**
 * requestAnimationFrame, raced by a timer: a hidden page gets no animation frames, and the stream
 * must still land in the DOM (a background tab's timers still run, if throttled).
 */
export const nextFrame: FrameScheduler = (callback) => {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    cancel();
    callback();
  };
  const raf = typeof requestAnimationFrame === 'function' ? requestAnimationFrame(run) : null;
  const timer = setTimeout(run, 100);
  function cancel() {
    if (raf !== null) cancelAnimationFrame(raf);
    clearTimeout(timer);
  }
  return () => {
    done = true;
    cancel();
  };
};

/**
 * Once before the second paint from now: a stream's later updates, at about 30 a second. Each update
 * renders and parses the answer's last block; half as many keep the sidebar's frames short while tokens
 * pour in, and text arriving 30 times a second still reads as smooth. (The first token uses nextFrame.)
 */
export const everyOtherFrame: FrameScheduler = (callback) => {
  let cancelSecond: (() => void) | null = null;
  const cancelFirst = nextFrame(() => {
    cancelSecond = nextFrame(callback);
  });
  return () => {
    cancelFirst();
    cancelSecond?.();
  };
};
