// First: the first screen's requests leave before the rest of the bundle is evaluated.
import './lib/early';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { Component, StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { prefetchFirstScreen } from './lib/prefetch';
import { App } from './App';
import { ToastProvider } from './ui/Toast';
import './styles.css';
import { ErrorBanner } from './ui/ErrorBanner';

const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, refetchOnWindowFocus: true } } });
const firstScreenData = prefetchFirstScreen(queryClient);

/** Never a blank screen: a render error shows what happened and a way back. */
class ErrorBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  state = { error: null as Error | null };
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  render() {
    if (this.state.error)
      return (
        <div className="page">
          <ErrorBanner>
            <strong>Something went wrong on this screen.</strong> {this.state.error.message}
          </ErrorBanner>
          <div className="row">
            <button type="button" onClick={() => (window.location.hash = '#/pipeline', this.setState({ error: null }))}>
              Back to the pipeline
            </button>
          </div>
        </div>
      );
    return this.props.children;
  }
}

/**
 * The first frame is the first screen with its data, not an empty shell ("Loading…") painted, rastered
 * and then drawn again: the answers have been on their way since lib/early.ts, usually arriving as the
 * bundle finishes evaluating. A slow answer does not hold the window blank for longer than this.
 */
const FIRST_DATA_WAIT_MS = 150;

// Not a top-level await: that would split the entry into many small chunks (more requests and module
// links before anything runs).
void Promise.race([firstScreenData, new Promise((r) => setTimeout(r, FIRST_DATA_WAIT_MS))]).then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <ErrorBoundary>
        <QueryClientProvider client={queryClient}>
          <ToastProvider>
            <App />
          </ToastProvider>
        </QueryClientProvider>
      </ErrorBoundary>
    </StrictMode>,
  )
);
