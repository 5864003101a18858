/** Small helpers for rendering Preact components in happy-dom. Test-only. */
import { render, type ComponentChild } from 'preact';
import { act } from 'preact/test-utils';

export interface Mounted {
  container: HTMLElement;
  unmount(): Promise<void>;
}

const mounted: HTMLElement[] = [];

export async function mount(vnode: ComponentChild): Promise<Mounted> {
  const container = document.createElement('div');
  document.body.append(container);
  mounted.push(container);
  await act(() => render(vnode, container));
  return {
    container,
    unmount: () => act(() => render(null, container)),
  };
}

/** Unmounts everything `mount` rendered; call from afterEach. */
export async function cleanup() {
  for (const container of mounted.splice(0)) {
    await act(() => render(null, container));
    container.remove();
  }
}

/** Lets pending promises settle and renders what they changed. */
export async function settle(rounds = 3) {
  for (let i = 0; i < rounds; i++) {
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
  }
}

export function byTestId<E extends Element = HTMLElement>(root: ParentNode, id: string): E | null {
  return root.querySelector<E>(`[data-testid="${id}"]`) as E | null;
}

export function allByTestId<E extends Element = HTMLElement>(root: ParentNode, id: string): E[] {
  return [...root.querySelectorAll<E>(`[data-testid="${id}"]`)] as E[];
}

export function getByTestId<E extends Element = HTMLElement>(root: ParentNode, id: string): E {
  const element = byTestId<E>(root, id);
  if (!element) throw new Error(`No element with data-testid="${id}"`);
  return element;
}

export async function click(element: Element) {
  await act(() => {
    (element as HTMLElement).click();
  });
  await settle();
}

export async function typeInto(element: HTMLInputElement, value: string) {
  await act(() => {
    element.value = value;
    element.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

export async function choose(select: HTMLSelectElement, value: string) {
  await act(() => {
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

export async function press(element: Element, key: string) {
  await act(() => {
    element.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
  });
  await settle();
}

/** A frame scheduler the test drives by hand. */
export function manualFrames() {
  let queue: Array<() => void> = [];
  return {
    schedule: (callback: () => void) => {
      queue.push(callback);
      return () => {
        queue = queue.filter((item) => item !== callback);
      };
    },
    get pending() {
      return queue.length;
    },
    async flush() {
      await act(() => {
        const run = queue;
        queue = [];
        run.forEach((callback) => callback());
      });
    },
  };
}
