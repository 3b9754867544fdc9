// One failing screen must not blank the window: each campaign tab (and the app's main area) is
// wrapped in this boundary. A render error shows a translated message in place of the tab, with
// "Try again" (renders the tab afresh, reloading its data) and "Copy details" for support; the
// other tabs, the top bar and everything saved stay as they were. The error's text goes only to
// the clipboard (or the console), never into the page.
import { Component, type ErrorInfo, type JSX, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { queryClient } from '../query-client';

interface Props {
  children: ReactNode;
}

interface State {
  error: Error | null;
  /** Bumped by "Try again": the children mount anew under a new key. */
  attempt: number;
}

export class TabErrorBoundary extends Component<Props, State> {
  state: State = { error: null, attempt: 0 };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  /**
   * Renders the tab afresh with fresh data. While the message shows, the failed tab is unmounted,
   * so its reads have no observer: dropping every such cached answer (the one that made it fail
   * among them) makes the tab fetch again instead of rendering the same answer from the cache.
   */
  private readonly retry = (): void => {
    queryClient.removeQueries({ type: 'inactive' });
    this.setState((s) => ({ error: null, attempt: s.attempt + 1 }));
  };

  componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('kepu: a screen failed to render', error, info.componentStack);
  }

  render(): ReactNode {
    const { error, attempt } = this.state;
    if (error) return <TabFailed error={error} onRetry={this.retry} />;
    return <RemountOn key={attempt}>{this.props.children}</RemountOn>;
  }
}

function RemountOn({ children }: { children: ReactNode }): JSX.Element {
  return <>{children}</>;
}

function TabFailed({ error, onRetry }: { error: Error; onRetry(): void }): JSX.Element {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  const details = `${error.name}: ${error.message}\n${error.stack ?? ''}`;
  return (
    <div className="panel tab-failed" role="alert" data-testid="tab-failed">
      <h2>{t('tabFailed.title')}</h2>
      <p>{t('tabFailed.body')}</p>
      <div className="row">
        <button type="button" className="primary" onClick={onRetry} data-testid="tab-failed-retry">
          {t('tabFailed.retry')}
        </button>
        <button
          type="button"
          onClick={() => void navigator.clipboard.writeText(details).then(() => setCopied(true), () => console.error(details))}
          data-testid="tab-failed-copy"
        >
          {t('errorBanner.copyDetails')}
        </button>
        <span className="small" role="status">
          {copied ? t('errorBanner.copied') : ''}
        </span>
      </div>
    </div>
  );
}
