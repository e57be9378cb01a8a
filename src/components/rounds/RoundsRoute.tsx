import type { BackendChoice, BackendName } from '../../shared/protocol';
import type { RunnerClient } from '../../runner/RunnerClient';
import type { RoundRoute } from '../../rounds/routes';
import type { RunnerStatus } from '../BackendPicker';
import { RoundReportPage } from './RoundReportPage';
import { RoundRunPage } from './RoundRunPage';
import { RoundStartPage } from './RoundStartPage';
import { RoundsPage } from './RoundsPage';
import './rounds.css';

/** The app's one runner worker and its backend menu, as App's useRunner hands them out. */
export interface RunnerContext {
  runner: RunnerClient;
  status: RunnerStatus;
  choice: BackendChoice;
  ensureStarted(): void;
  changeBackend(choice: BackendChoice): void;
  ranOn(backend: BackendName): void;
}

/** Every `#/rounds…` page. */
export function RoundsRoute({ route, runner }: { route: RoundRoute; runner: RunnerContext }) {
  switch (route.kind) {
    case 'rounds':
      return <RoundsPage />;
    case 'round-start':
      return <RoundStartPage key={route.roundId} roundId={route.roundId} durationSeconds={route.durationSeconds} />;
    case 'round-attempt':
      return <RoundRunPage key={route.attemptId} attemptId={route.attemptId} runnerContext={runner} />;
    case 'round-report':
      return <RoundReportPage key={route.attemptId} attemptId={route.attemptId} />;
  }
}
