// The toolkit module's contract with the real web components registered (as in VS Code): the same
// props and callbacks as the native fallbacks the other tests exercise.
import './support/env';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState, type ReactElement } from 'react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { Button, Checkbox, Tag, Dropdown, ProgressRing, TextField, registerToolkit, toolkitActive } from '../../webview/src/ui/toolkit';

afterEach(cleanup);

async function settle(): Promise<void> {
  await act(async () => {
    await new Promise((r) => setTimeout(r, 10));
  });
}

describe('toolkit wrappers without registration (native fallbacks)', () => {
  it('render native controls with the same names', () => {
    expect(toolkitActive()).toBe(false);
    const onClick = vi.fn();
    render(
      <>
        <Button label="Swap it" onClick={onClick}>
          Swap…
        </Button>
        <ProgressRing label="Loading…" />
      </>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Swap it' }));
    expect(onClick).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('progressbar', { name: 'Loading…' })).toBeTruthy();
  });

  it('a disabled button does not call back', () => {
    const onClick = vi.fn();
    render(
      <Button disabled onClick={onClick}>
        Go
      </Button>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Go' }));
    expect(onClick).not.toHaveBeenCalled();
  });
});

describe('toolkit wrappers with the web components registered', () => {
  beforeAll(() => {
    expect(registerToolkit()).toBe(true);
    // A second call is harmless.
    expect(registerToolkit()).toBe(true);
  });

  it('Button renders vscode-button, clicks call back, disabled is omitted rather than "false"', async () => {
    const onClick = vi.fn();
    const { container, rerender } = render(
      <Button appearance="primary" label="Set API key" onClick={onClick}>
        Set API key
      </Button>,
    );
    await settle();
    const el = container.querySelector('vscode-button') as HTMLElement;
    expect(el).toBeTruthy();
    expect(el.getAttribute('appearance')).toBe('primary');
    expect(el.getAttribute('aria-label')).toBe('Set API key');
    expect(el.hasAttribute('disabled')).toBe(false);
    expect(el.shadowRoot?.querySelector('button')).toBeTruthy();
    fireEvent.click(el);
    expect(onClick).toHaveBeenCalledTimes(1);
    rerender(
      <Button appearance="primary" disabled onClick={onClick}>
        Set API key
      </Button>,
    );
    expect(el.hasAttribute('disabled')).toBe(true);
    fireEvent.click(el);
    expect(onClick).toHaveBeenCalledTimes(1);
  });

  it('Dropdown selects the value, follows prop changes and reports user choices', async () => {
    const onChange = vi.fn();
    const options = [
      { value: 'all', label: 'All regions' },
      { value: 'CN', label: 'China' },
      { value: 'US', label: 'US' },
    ];
    const { container, rerender } = render(<Dropdown label="Region" value="CN" options={options} onChange={onChange} />);
    await settle();
    // A native select even with the toolkit registered (its dropdown cost 22 KB of bundle).
    expect(container.querySelector('vscode-dropdown')).toBeNull();
    const el = screen.getByRole('combobox', { name: 'Region' }) as HTMLSelectElement;
    expect(el.querySelectorAll('option')).toHaveLength(3);
    expect(el.value).toBe('CN');
    rerender(<Dropdown label="Region" value="US" options={options} onChange={onChange} />);
    await settle();
    expect(el.value).toBe('US');
    el.value = 'all';
    el.dispatchEvent(new Event('change', { bubbles: true }));
    expect(onChange).toHaveBeenLastCalledWith('all');
  });

  it('TextField reports input and committed values, and Enter commits', async () => {
    const onInput = vi.fn();
    const onChange = vi.fn();
    const { container } = render(<TextField label="Input tokens" value="5400000" onInput={onInput} onChange={onChange} />);
    await settle();
    const el = container.querySelector('vscode-text-field') as HTMLElement & { value: string };
    expect(el.value).toBe('5400000');
    const inner = el.shadowRoot?.querySelector('input') as HTMLInputElement;
    inner.value = '1M';
    inner.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    expect(onInput).toHaveBeenLastCalledWith('1M');
    inner.dispatchEvent(new Event('change'));
    expect(onChange).toHaveBeenLastCalledWith('1M');
    fireEvent.keyDown(el, { key: 'Enter' });
    expect(onChange).toHaveBeenCalledTimes(2);
  });

  it('Checkbox mirrors checked and reports toggles', async () => {
    function Harness(): ReactElement {
      const [on, setOn] = useState(false);
      return (
        <>
          <Checkbox checked={on} onChange={setOn}>
            Free only
          </Checkbox>
          <span data-testid="state">{String(on)}</span>
        </>
      );
    }
    const { container } = render(<Harness />);
    await settle();
    // A native checkbox even with the toolkit registered (its toolkit version cost 3 KB of bundle for one use).
    expect(container.querySelector('vscode-checkbox')).toBeNull();
    const el = container.querySelector('input[type=checkbox]') as HTMLInputElement;
    expect(el.checked).toBe(false);
    fireEvent.click(el);
    await settle();
    expect(el.checked).toBe(true);
    expect(screen.getByTestId('state').textContent).toBe('true');
  });

  it('Tag and ProgressRing keep their text labels', async () => {
    const { container } = render(
      <>
        <Tag title="Free variant">free</Tag>
        <ProgressRing label="Loading rankings…" />
      </>,
    );
    await settle();
    expect(screen.getByTitle('Free variant').textContent).toBe('free');
    expect(container.querySelector('vscode-tag')).toBeNull();
    // The ring names itself "Loading"; the wrapper carries the real name and hides the ring.
    expect(screen.getByRole('progressbar', { name: 'Loading rankings…' }).textContent).toBe('Loading rankings…');
    expect(container.querySelector('vscode-progress-ring')).toBeNull();
    expect(container.querySelector('.mr-ring')?.getAttribute('aria-hidden')).toBe('true');
  });
});
