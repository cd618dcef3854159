// The only module that knows about @vscode/webview-ui-toolkit (deprecated upstream on 2025-01-01):
// swapping to @vscode-elements/elements, or to plain HTML, is a change to this file alone.
//
// Each wrapper renders the toolkit's custom element once registerToolkit() succeeded, and an equivalent
// native element otherwise (registration failed, or a test environment that does not register). Both
// paths share one contract: same props, same callbacks, same accessible names. React 18 does not wire
// props or events of custom elements, so values are set as properties and events are listened to on
// a ref; boolean attributes are omitted rather than set to "false", which a custom element reads as true.
import {
  createElement,
  useEffect,
  useLayoutEffect,
  useRef,
  type ReactElement,
  type ReactNode,
  type RefObject,
  type KeyboardEvent as ReactKeyboardEvent,
} from 'react';
import {
  provideVSCodeDesignSystem,
  vsCodeButton,
  vsCodeTextField,
} from '@vscode/webview-ui-toolkit';

let active = false;

/** Registers the toolkit's elements; false (and native fallbacks) when that is impossible here. */
export function registerToolkit(): boolean {
  if (active) return true;
  try {
    if (typeof customElements === 'undefined') return false;
    provideVSCodeDesignSystem().register(
      vsCodeButton(),
      vsCodeTextField(),
    );
    active = true;
  } catch (_err) {
    active = false;
  }
  return active;
}

export function toolkitActive(): boolean {
  return active;
}

type Props = Record<string, unknown>;

function el(tag: string, props: Props, ...children: ReactNode[]): ReactElement {
  return createElement(tag, props, ...children);
}

/** Drops undefined and false so a custom element never sees disabled="false". */
function attrs(input: Props): Props {
  const out: Props = {};
  for (const [k, v] of Object.entries(input)) if (v !== undefined && v !== false && v !== null) out[k] = v;
  return out;
}

/** A form element's live properties: the text of a field or dropdown, whether a box is checked. */
interface FormProps {
  value: string;
  checked: boolean;
}

/**
 * A ref for a form element (custom or native), kept showing `current` (re-applied when `current` or `deps`
 * change), whose `input` and `change` events call the latest handlers with what it shows. React does not wire
 * custom elements' events, so they are listened to on the element.
 */
function useFormElement<K extends keyof FormProps>(
  key: K,
  current: FormProps[K],
  handlers: { input?: (v: FormProps[K]) => void; change?: (v: FormProps[K]) => void },
  deps: readonly unknown[] = [],
): RefObject<HTMLElement & Pick<FormProps, K>> {
  const ref = useRef<HTMLElement & Pick<FormProps, K>>(null);
  const latest = useRef(handlers);
  latest.current = handlers;
  useEffect(() => {
    const node = ref.current;
    if (!node) return;
    const live: Pick<FormProps, K> = node;
    const listeners = (['input', 'change'] as const).map((name) => [name, (): void => latest.current[name]?.(live[key])] as const);
    for (const [name, listener] of listeners) node.addEventListener(name, listener);
    return () => {
      for (const [name, listener] of listeners) node.removeEventListener(name, listener);
    };
  }, [key]);
  useLayoutEffect(() => {
    const live: Pick<FormProps, K> | null = ref.current;
    if (live && live[key] !== current) live[key] = current;
    // `deps`: whatever else can reset what the element shows (a dropdown's options).
  }, [key, current, ...deps]);
  return ref;
}

export interface ButtonProps {
  children: ReactNode;
  onClick?: () => void;
  appearance?: 'primary' | 'secondary' | 'icon';
  disabled?: boolean;
  /** Accessible name when the visible text is not enough (icon buttons, repeated "Swap…"). */
  label?: string;
  title?: string;
  className?: string;
  pressed?: boolean;
}

export function Button({ children, onClick, appearance = 'secondary', disabled, label, title, className, pressed }: ButtonProps): ReactElement {
  const handle = (): void => {
    if (!disabled) onClick?.();
  };
  if (active) {
    return el(
      'vscode-button',
      attrs({ appearance, disabled, 'aria-label': label, 'aria-pressed': pressed === undefined ? undefined : String(pressed), title, class: className, onClick: handle }),
      children,
    );
  }
  return (
    <button
      type="button"
      className={['mr-button', `mr-button-${appearance}`, className].filter(Boolean).join(' ')}
      disabled={disabled}
      aria-label={label}
      aria-pressed={pressed}
      title={title}
      onClick={handle}
    >
      {children}
    </button>
  );
}

export interface Option {
  value: string;
  label: string;
}

export interface DropdownProps {
  value: string;
  options: readonly Option[];
  onChange: (value: string) => void;
  label: string;
  className?: string;
  disabled?: boolean;
}

/**
 * A native <select> styled with the theme's dropdown colours (styles.css .mr-select). The toolkit's dropdown cost
 * 22 KB of the webview bundles (which have a size target) for two selects, and the native one is what screen
 * readers and the keyboard know best.
 */
export function Dropdown({ value, options, onChange, label, className, disabled }: DropdownProps): ReactElement {
  const ref = useFormElement('value', value, { change: onChange }, [options]);
  return (
    <select ref={ref as unknown as RefObject<HTMLSelectElement>} aria-label={label} className={['mr-select', className].filter(Boolean).join(' ')} disabled={disabled} defaultValue={value}>
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}

export interface TextFieldProps {
  value: string;
  label: string;
  /** Every keystroke. */
  onInput?: (value: string) => void;
  /** Committed value: Enter or leaving the field. */
  onChange?: (value: string) => void;
  placeholder?: string;
  type?: 'text' | 'search';
  inputMode?: 'numeric' | 'text';
  className?: string;
  invalid?: boolean;
}

export function TextField({ value, label, onInput, onChange, placeholder, type = 'text', inputMode, className, invalid }: TextFieldProps): ReactElement {
  const ref = useFormElement('value', value, { input: onInput, change: onChange });
  const onKeyDown = (e: ReactKeyboardEvent<HTMLElement>): void => {
    // Enter commits, as it does in VS Code's own inputs.
    if (e.key === 'Enter' && ref.current) onChange?.(ref.current.value);
  };
  if (active) {
    return el('vscode-text-field', attrs({ ref, 'aria-label': label, placeholder, type: 'text', inputmode: inputMode, class: className, 'aria-invalid': invalid ? 'true' : undefined, onKeyDown }));
  }
  return (
    <input
      ref={ref as unknown as RefObject<HTMLInputElement>}
      type={type}
      aria-label={label}
      aria-invalid={invalid || undefined}
      placeholder={placeholder}
      inputMode={inputMode}
      defaultValue={value}
      className={['mr-input', className].filter(Boolean).join(' ')}
      onKeyDown={onKeyDown}
    />
  );
}

export interface CheckboxProps {
  checked: boolean;
  onChange: (checked: boolean) => void;
  children: ReactNode;
  className?: string;
}

/**
 * A native checkbox styled with the theme's colours (styles.css .mr-checkbox): the toolkit's version added 3 KB to the
 * webview bundles for one checkbox, and the bundles have a size target.
 */
export function Checkbox({ checked, onChange, children, className }: CheckboxProps): ReactElement {
  const ref = useFormElement('checked', checked, { change: onChange });
  return (
    <label className={['mr-checkbox', className].filter(Boolean).join(' ')}>
      <input ref={ref as unknown as RefObject<HTMLInputElement>} type="checkbox" defaultChecked={checked} />
      <span>{children}</span>
    </label>
  );
}

/** A small label (a model's "free", "preset"…), styled as the toolkit's tag was (styles.css .mr-tag) at no bundle cost. */
export function Tag({ children, className, title }: { children: ReactNode; className?: string; title?: string }): ReactElement {
  return (
    <span className={['mr-tag', className].filter(Boolean).join(' ')} title={title}>
      {children}
    </span>
  );
}

/**
 * A busy indicator with its text visible and named. The toolkit's ring overwrites its own aria-label
 * with "Loading", so the name lives on a wrapper and the ring itself is decoration.
 */
export function ProgressRing({ label }: { label: string }): ReactElement {
  return (
    <span className="mr-busy" role="progressbar" aria-label={label}>
      {/* A CSS ring in the theme's progress colour (styles.css .mr-ring): the toolkit's cost 4 KB of bundle. */}
      <span className="mr-ring" aria-hidden="true" />
      <span className="mr-busy-label" aria-hidden="true">
        {label}
      </span>
    </span>
  );
}
