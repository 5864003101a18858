import { afterEach, describe, expect, it, vi } from 'vitest';
import { nextFrame } from './frame';

afterEach(() => {
  vi.useRealTimers();
});

describe('nextFrame', () => {
  it('runs once, on a timer when no animation frame comes (hidden page)', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'requestAnimationFrame', 'cancelAnimationFrame'] });
    const callback = vi.fn();
    nextFrame(callback);
    vi.advanceTimersByTime(150);
    expect(callback).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1000);
    expect(callback).toHaveBeenCalledTimes(1);
  });

  it('can be cancelled', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'requestAnimationFrame', 'cancelAnimationFrame'] });
    const callback = vi.fn();
    const cancel = nextFrame(callback);
    cancel();
    vi.advanceTimersByTime(1000);
    expect(callback).not.toHaveBeenCalled();
  });
});
