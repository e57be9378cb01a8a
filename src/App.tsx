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
import { parseHash, problemHref, replaceHash, useHash, type Route } from './router';
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

type NavSection = 'problems' | 'tracks' | 'progress' | 'rounds' | 'notebooks';

/** The top-level page a route is (the nav link marked `aria-current`), if it is one of them. */
function navSection(route: Route): NavSection | undefined {
  if (route.kind === 'list') return 'problems';
  if (route.kind === 'tracks' || route.kind === 'progress' || route.kind === 'rounds' || route.kind === 'notebooks') return route.kind;
  return undefined;
}

/**
 * The header: brand, the main nav, the page's breadcrumb and a running round. On a narrow
 * screen (see styles.css, `.menu-button`) the nav folds behind a Menu button, a disclosure
 * (`aria-expanded`) that closes on navigation, on Escape (focus back on the button), on a click
 * outside the header and when focus leaves it. On a wide screen the button is hidden and the
 * links are a row.
 */
function TopBar({ hash, section, crumb }: { hash: string; section: NavSection | undefined; crumb?: React.ReactNode }) {
  const [open, setOpen] = useState(false);
  const headerRef = useRef<HTMLElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const current = (link: NavSection) => (link === section ? 'page' : undefined);

  // A new route (a link followed, back/forward) closes the menu.
  useEffect(() => {
    setOpen(false);
  }, [hash]);

  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      buttonRef.current?.focus();
    };
    const onPointer = (event: PointerEvent) => {
      if (!headerRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);

  return (
    <header
      className={`topbar${open ? ' menu-open' : ''}`}
      ref={headerRef}
      onBlur={(event) => {
        // Tabbing out of the open menu closes it, so it never covers the focused control.
        if (open && !event.currentTarget.contains(event.relatedTarget as Node | null)) setOpen(false);
      }}
    >
      <a className="brand" href="#/">
        <img src="/favicon.svg" alt="" width={22} height={22} />
        TensorDojo
      </a>
      <button
        type="button"
        className="menu-button"
        ref={buttonRef}
        aria-expanded={open}
        aria-controls="site-nav"
        data-testid="nav-menu"
        onClick={() => setOpen((value) => !value)}
      >
        <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
          {open ? (
            <path d="M3.5 3.5l9 9M12.5 3.5l-9 9" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
          ) : (
            <path d="M2 4h12M2 8h12M2 12h12" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
          )}
        </svg>
        Menu
      </button>
      {/* A link to the page already shown changes no hash, so clicks close the menu too. */}
      <nav
        id="site-nav"
        aria-label="Main"
        onClick={(event) => {
          if ((event.target as Element).closest('a')) setOpen(false);
        }}
      >
        <a href="#/" aria-current={current('problems')}>Problems</a>
        <a href="#/tracks" aria-current={current('tracks')}>Tracks</a>
        <a href="#/progress" aria-current={current('progress')}>Progress</a>
        <a href="#/rounds" data-testid="nav-rounds" aria-current={current('rounds')}>
          Mock rounds
        </a>
        <a href="#/notebooks" data-testid="nav-notebooks" aria-current={current('notebooks')}>
          Debugging notebooks
        </a>
      </nav>
      {crumb}
      <RunningRoundLink hash={hash} />
    </header>
  );
}

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
      <TopBar
        hash={hash}
        section={navSection(route)}
        crumb={problem && <span className="crumb muted">{problem.trackTitle} / {problem.title}</span>}
      />
      <StorageNotice />
      {body}
    </div>
  );
}
