/**
 * What the background says about a run's input before asking the model (the newest messages that fit
 * the model's context, the part of the chat read) stays on screen for the whole run; a notice about
 * waiting (a retry after a rate limit) goes once text arrives.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { act } from 'preact/test-utils';
import { TaskStatus } from './TaskStatus';
import { useTask } from './use-task';
import { FakeApi } from '../testing/fake-api';
import { allByTestId, cleanup, getByTestId, manualFrames, mount } from '../testing/dom';

const FIT = 'Only the last 40 of 400 messages fit this model’s context.';

async function setup() {
  const api = new FakeApi();
  const frames = manualFrames();
  let start: (() => void) | null = null;
  function Harness() {
    const task = useTask(api, frames.schedule);
    start = () => task.start(12, { task: 'summarize', options: {} });
    return (
      <div>
        <TaskStatus task={task.state} />
        <p data-testid="output-text">{task.state.output}</p>
      </div>
    );
  }
  const { container } = await mount(<Harness />);
  await act(() => start!());
  return { api, frames, container, again: () => act(() => start!()) };
}

const notes = (container: HTMLElement) => allByTestId(container, 'task-note').map((note) => note.textContent);

afterEach(cleanup);

describe('notes on the run’s input', () => {
  it('a notice before the request starts stays through the answer and after it', async () => {
    const { api, frames, container } = await setup();
    const task = api.lastTask;
    await act(() => task.notice(FIT));
    expect(notes(container)).toEqual([FIT]);
    await act(() => {
      task.start();
      task.delta('**Plans**');
    });
    await act(() => frames.flush());
    expect(notes(container)).toEqual([FIT]);
    await act(() => task.end());
    expect(getByTestId(container, 'task-status').textContent).toBe('Done');
    expect(notes(container)).toEqual([FIT]);
  });

  it('stays when the run fails, beside the error', async () => {
    const { api, container } = await setup();
    await act(() => api.lastTask.notice(FIT));
    await act(() => api.lastTask.error({ kind: 'context', message: 'Too long.', retryable: false }));
    expect(notes(container)).toEqual([FIT]);
  });

  it('a notice after the request started is about waiting: the status line, gone with the first text', async () => {
    const { api, frames, container } = await setup();
    const task = api.lastTask;
    await act(() => {
      task.start();
      task.notice('Rate limited; retrying in 3 s');
    });
    expect(notes(container)).toEqual([]);
    expect(getByTestId(container, 'task-status').textContent).toBe('Rate limited; retrying in 3 s');
    await act(() => task.delta('Hi'));
    await act(() => frames.flush());
    expect(getByTestId(container, 'task-status').textContent).not.toContain('retrying');
  });

  it('says how far loading older messages has come, until the run starts', async () => {
    const { api, container } = await setup();
    const task = api.lastTask;
    await act(() => task.progress(20, 50));
    expect(getByTestId(container, 'task-status').textContent).toBe('Reading older messages: 20 of 50…');
    await act(() => task.progress(35, 0));
    expect(getByTestId(container, 'task-status').textContent).toBe('Reading older messages: 35 so far…');
    await act(() => task.start());
    expect(getByTestId(container, 'task-status').textContent).not.toContain('older messages');
    // A late report after the start changes nothing.
    await act(() => task.progress(50, 50));
    expect(getByTestId(container, 'task-status').textContent).not.toContain('older messages');
    expect(notes(container)).toEqual([]);
  });

  it('a new run starts without the last run’s notes', async () => {
    const { api, container, again } = await setup();
    await act(() => api.lastTask.notice(FIT));
    await act(() => api.lastTask.end());
    expect(notes(container)).toEqual([FIT]);
    await again();
    expect(api.tasks).toHaveLength(2);
    expect(notes(container)).toEqual([]);
  });
});
