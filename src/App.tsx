import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { catalog, findProblem } from './catalog';
import { ProblemList } from './components/ProblemList';
import type { SharedLink } from './components/ProblemPage';
import { ProblemRoute } from './components/ProblemRoute';
import { ProgressPage } from './components/ProgressPage';
import { RoundsRoute } from './components/rounds/RoundsRoute';
import { RunningRoundLink } from './components/rounds/RunningRoundLink';
import { TracksPage } from './components/TracksPage';
import { NotebookList } from './components/NotebookList';
import { NotebookRoute } from './components/NotebookRoute';
import { findNotebookSummary, notebookList } from './notebook/listing';
import type { RunnerStatus } from './components/BackendPicker';
import { StorageNotice } from './components/StorageNotice';
import { RunnerClient } from './runner/RunnerClient';
import { parseHash, problemHref, replaceHash, useHash } from './router';
import { isRoundRoute } from './rounds/routes';
import type { BackendChoice, BackendName } from './shared/protocol';
import { loadBackendChoice, loadCrossCheck, loadOnnxProvider, saveBackendChoice } from './storage/settings';

/** One runner worker for the whole app, started on the first problem page and kept across pages. */
function useRunner() {
  const [runner] = useState(() => {
    const client = new RunnerClient();
    client.onnxProvider = loadOnnxProvider();
    client.crossCheck = loadCrossCheck();
    return client;
  });
  const [choice, setChoice] = useState<BackendChoice>(loadBackendChoice);
  const [status, setStatus] = useState<RunnerStatus>({ state: 'idle' });
  const startSeq = useRef(0);

  const start = useCallback(
    (next: BackendChoice) => {
      const seq = ++startSeq.current;
      setStatus({ state: 'starting' });
      runner.start(next).then(
        (info) => {
          if (seq === startSeq.current) setStatus({ state: 'ready', backend: info.backend, reason: info.reason, adapter: info.adapter });
        },
        (error: unknown) => {
          if (seq === startSeq.current) setStatus({ state: 'error', error: error instanceof Error ? error.message : String(error) });
        },
      );
    },
    [runner],
  );

  const ensureStarted = useCallback(() => {
    if (startSeq.current === 0) start(choice);
  }, [start, choice]);

  const changeBackend = useCallback(
    (next: BackendChoice) => {
      setChoice(next);
      saveBackendChoice(next);
      start(next);
    },
    [start],
  );

  /** A verdict says which backend really ran; a watchdog restart may also have changed runner.info. */
  const ranOn = useCallback(
    (backend: BackendName) => {
      const info = runner.info;
      setStatus((current) => ({
        state: 'ready',
        backend,
        reason: info?.backend === backend ? info.reason : current.backend === backend ? current.reason : undefined,
        adapter: info?.backend === backend ? info.adapter : current.adapter,
      }));
    },
    [runner],
  );

  return { runner, choice, status, ensureStarted, changeBackend, ranOn };
}

let linkNonce = 0;

export function App() {
  const hash = useHash();
  const route = useMemo(() => parseHash(hash), [hash]);
  const runnerState = useRunner();
  const [link, setLink] = useState<(SharedLink & { problemId: string; nonce: number }) | null>(null);

  // A link's `?code=` is consumed once: stash it, then drop it from the URL so that a reload or a
  // later visit restores the autosaved draft instead of re-applying the link over newer edits.
  useLayoutEffect(() => {
    if (route.kind === 'problem' && (route.sharedCode !== undefined || route.codeError)) {
      if (findProblem(route.problemId)) {
        setLink({ problemId: route.problemId, sharedCode: route.sharedCode, codeError: route.codeError, nonce: ++linkNonce });
        replaceHash(problemHref(route.problemId));
      }
    } else if (link && (route.kind !== 'problem' || route.problemId !== link.problemId)) {
      setLink(null);
    }
  }, [route, link]);

  const problem = route.kind === 'problem' ? findProblem(route.problemId) : undefined;
  const { ensureStarted } = runnerState;
  useEffect(() => {
    if (problem) ensureStarted();
  }, [problem, ensureStarted]);

  useEffect(() => {
    document.title = problem ? `${problem.title} · TensorDojo` : 'TensorDojo';
  }, [problem]);

  let body: React.ReactNode;
  if (route.kind === 'problem' && problem) {
    const pending = route.sharedCode !== undefined || route.codeError !== undefined;
    const ownLink = link?.problemId === problem.id ? link : undefined;
    body = pending ? null : (
      <ProblemRoute
        key={`${problem.id}#${ownLink?.nonce ?? 0}`}
        summary={problem}
        link={ownLink}
        runner={runnerState.runner}
        runnerStatus={runnerState.status}
        backendChoice={runnerState.choice}
        onBackendChange={runnerState.changeBackend}
        onRanOn={runnerState.ranOn}
      />
    );
  } else if (isRoundRoute(route)) {
    body = <RoundsRoute route={route} runner={runnerState} />;
  } else if (route.kind === 'notebooks') {
    body = <NotebookList notebooks={notebookList} />;
  } else if (route.kind === 'notebook' && findNotebookSummary(route.notebookId)) {
    body = (
      <NotebookRoute
        key={route.notebookId}
        summary={findNotebookSummary(route.notebookId)!}
        backendChoice={runnerState.choice}
        roundAttemptId={route.roundAttemptId}
      />
    );
  } else if (route.kind === 'tracks') {
    body = <TracksPage problems={catalog} />;
  } else if (route.kind === 'progress') {
    body = <ProgressPage problems={catalog} />;
  } else {
    const error =
      route.kind === 'problem'
        ? `There is no problem called "${route.problemId}". Pick one from the list below.`
        : route.kind === 'not-found'
          ? `There is no page at "${route.path}". Here are the problems instead.`
          : undefined;
    body = (
      <>
        {error && (
          <div className="banner error page-banner" role="alert" data-testid="error-banner">
            {error}
          </div>
        )}
        <ProblemList key={route.kind === 'list' ? (route.track ?? '') : ''} problems={catalog} initialTrack={route.kind === 'list' ? route.track : undefined} />
      </>
    );
  }

  return (
    <div className="app">
      <header className="topbar">
        <a className="brand" href="#/">
          <img src="/favicon.svg" alt="" width={22} height={22} />
          TensorDojo
        </a>
        <nav>
          <a href="#/">Problems</a>
          <a href="#/tracks">Tracks</a>
          <a href="#/progress">Progress</a>
          <a href="#/rounds" data-testid="nav-rounds">Mock rounds</a>
          <a href="#/notebooks" data-testid="nav-notebooks">Debugging notebooks</a>
        </nav>
        {problem && <span className="crumb muted">{problem.trackTitle} / {problem.title}</span>}
        <RunningRoundLink hash={hash} />
      </header>
      <StorageNotice />
      {body}
    </div>
  );
}
