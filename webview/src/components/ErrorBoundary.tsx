// One bad payload or bug must cost one section, not the whole view: each section renders inside its
// own boundary, which offers to try again (the next push usually brings good data).
import { Component, type ErrorInfo, type ReactNode } from 'react';
import * as l10n from '../l10n';

interface Props {
  name: string;
  children: ReactNode;
}

interface State {
  error: Error | null;
}

export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    // The webview has no log channel of its own; the devtools console is where a developer looks.
    console.error(`Model Radar: ${this.props.name} failed to render`, error, info.componentStack);
  }

  override render(): ReactNode {
    if (!this.state.error) return this.props.children;
    return (
      <div className="mr-section-error" role="alert">
        <p>{l10n.t('{0} could not be shown: {1}.', this.props.name, this.state.error.message || l10n.t('unexpected data'))}</p>
        <button type="button" className="mr-link-button" onClick={() => this.setState({ error: null })}>
          {l10n.t('Try again')}
        </button>
      </div>
    );
  }
}
