import { afterEach, describe, expect, it, vi } from 'vitest';
import { everyOtherFrame, nextFrame } from './frame';

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

describe('everyOtherFrame', () => {
  it('runs once, on the second frame from now, and can be cancelled between the two', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'requestAnimationFrame', 'cancelAnimationFrame'] });
    const callback = vi.fn();
    everyOtherFrame(callback);
    vi.advanceTimersToNextFrame();
    expect(callback).not.toHaveBeenCalled();
    vi.advanceTimersToNextFrame();
    expect(callback).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1000);
    expect(callback).toHaveBeenCalledTimes(1);

    const cancelled = vi.fn();
    const cancel = everyOtherFrame(cancelled);
    vi.advanceTimersToNextFrame();
    cancel();
    vi.advanceTimersByTime(1000);
    expect(cancelled).not.toHaveBeenCalled();
  });
});
