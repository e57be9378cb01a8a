import type { CaseResult, Diagnostic, JudgeMode, SerializedError, Verdict, VerdictStatus } from '../shared/protocol';
import { MAX_CONSOLE_BYTES, MAX_CONSOLE_LINES } from '../judge/consoleCapture';

/** What the results panel shows: nothing yet, a pending run, a verdict, or a failure to judge at all. */
export type Outcome =
  | { kind: 'idle' }
  | { kind: 'running'; mode: JudgeMode }
  | { kind: 'verdict'; verdict: Verdict }
  | { kind: 'failure'; mode: JudgeMode; message: string };

type PanelStatus = VerdictStatus | 'idle' | 'running';

const STATUS_LABEL: Record<PanelStatus, string> = {
  idle: 'Not run yet',
  running: 'Running…',
  accepted: 'Accepted',
  'wrong-answer': 'Wrong answer',
  'runtime-error': 'Runtime error',
  'time-limit': 'Time limit exceeded',
  'compile-error': 'Compile error',
  'internal-error': 'Internal error',
  stopped: 'Stopped',
};

interface ResultsPanelProps {
  outcome: Outcome;
  onGotoLine(line: number, column?: number): void;
}

export function ResultsPanel({ outcome, onGotoLine }: ResultsPanelProps) {
  const status: PanelStatus =
    outcome.kind === 'verdict' ? outcome.verdict.status : outcome.kind === 'failure' ? 'internal-error' : outcome.kind;
  const verdict = outcome.kind === 'verdict' ? outcome.verdict : undefined;
  const passed = verdict?.cases.filter((c) => c.passed).length ?? 0;

  return (
    <section className="results" aria-live="polite">
      <div className="verdict-row">
        <span className={`verdict status-${status}`} data-testid="verdict" data-status={status}>
          {STATUS_LABEL[status]}
          {outcome.kind === 'running' && <span className="muted"> ({outcome.mode === 'run' ? 'examples' : 'all cases'})</span>}
        </span>
        {verdict && verdict.cases.length > 0 && (
          <span className="muted">
            {passed}/{verdict.cases.length} {verdict.mode === 'run' ? 'examples' : 'cases'} passed
          </span>
        )}
      </div>

      {outcome.kind === 'idle' && (
        <p className="muted small">
          <kbd>Ctrl</kbd>/<kbd>⌘</kbd>+<kbd>Enter</kbd> runs the examples; add <kbd>Shift</kbd> to submit against every case.
        </p>
      )}
      {outcome.kind === 'failure' && <div className="error-box">{outcome.message}</div>}

      {verdict && (
        <>
          <div className="verdict-meta muted small" data-testid="verdict-meta">
            <span>{verdict.mode === 'submit' ? 'Submit' : 'Run'}</span>
            <span>
              ran on <strong>{verdict.backend}</strong>
            </span>
            {verdict.checkedBy.length > 0 && <span data-testid="checked-by">checked by {verdict.checkedBy.join(', ')}</span>}
            <span>{verdict.status === 'stopped' ? 'stopped after' : 'judge'} {formatMs(verdict.elapsedMs)}</span>
            {verdict.roundTripMs !== undefined && <span>round trip {formatMs(verdict.roundTripMs)}</span>}
          </div>
          {verdict.status === 'time-limit' && !verdict.error && (
            <div className="error-box">The code did not finish within the time budget (look for an infinite loop).</div>
          )}
          {verdict.status === 'stopped' && (
            <div className="muted" data-testid="stopped-note">
              You stopped this run; nothing was judged and it is not counted as an attempt. The runner was restarted.
            </div>
          )}
          {verdict.error && !repeatsCaseError(verdict) && <ErrorDetails error={verdict.error} onGotoLine={onGotoLine} />}
          <LeakWarning cases={verdict.cases} />
          <ol className="cases">
            {failuresFirst(verdict.cases).map((result, index) => (
              <CaseView key={`${index}-${result.name}`} result={result} onGotoLine={onGotoLine} />
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

/** Failing cases first (so the diagnostic is in view), otherwise in the judge's order. */
function failuresFirst(cases: CaseResult[]): CaseResult[] {
  return [...cases.filter((c) => !c.passed), ...cases.filter((c) => c.passed)];
}

/** The judge copies the first case's error into the verdict; show it once, next to its case. */
function repeatsCaseError(verdict: Verdict): boolean {
  const error = verdict.error;
  if (!error) return false;
  return verdict.cases.some(
    (c) => c.diagnostic?.error?.message === error.message && c.diagnostic.error.location?.line === error.location?.line,
  );
}

function CaseView({ result, onGotoLine }: { result: CaseResult; onGotoLine(line: number, column?: number): void }) {
  return (
    <li className={`case ${result.passed ? 'passed' : 'failed'}`} data-testid="case-result" data-passed={String(result.passed)}>
      <div className="case-head">
        <span className="case-mark" aria-label={result.passed ? 'passed' : 'failed'}>
          {result.passed ? '✓' : '✗'}
        </span>
        <span className="case-name">{result.name}</span>
        {!result.public && <span className="tag">hidden</span>}
        <span className="muted small case-inputs">{result.inputSummary}</span>
        <span className="muted small case-time">{formatMs(result.elapsedMs)}</span>
      </div>
      {result.diagnostic && <DiagnosticView diagnostic={result.diagnostic} onGotoLine={onGotoLine} />}
      {(result.console?.length || result.consoleDropped) && <ConsoleView result={result} />}
      {result.leakedTensors > 0 && (
        <span className="muted small" data-testid="case-leak">
          leaked {result.leakedTensors} tensor{result.leakedTensors === 1 ? '' : 's'}
        </span>
      )}
    </li>
  );
}

/** One warning per run for tensors left allocated, however many cases leaked them. */
function LeakWarning({ cases }: { cases: CaseResult[] }) {
  const leaking = cases.filter((c) => c.leakedTensors > 0);
  if (!leaking.length) return null;
  const most = Math.max(...leaking.map((c) => c.leakedTensors));
  return (
    <div className="warning-box small" data-testid="leak-warning">
      {leaking.length === cases.length ? 'Every case' : `${leaking.length} of ${cases.length} cases`} left tensors allocated (up to {most} per call):
      wrap intermediates in <code>tf.tidy</code> or dispose them. In a training loop this memory grows every step.
    </div>
  );
}

/** What the user's code logged while the case ran; the count of lines over the run's limit. */
function ConsoleView({ result }: { result: CaseResult }) {
  return (
    <div className="console-box" data-testid="console" aria-label={`console output of ${result.name}`}>
      <span className="console-title muted small">console</span>
      <pre>
        {(result.console ?? []).map((line, index) => (
          <div key={index} className={`console-line console-${line.stream}`}>
            {line.text}
          </div>
        ))}
      </pre>
      {result.consoleDropped ? (
        <div className="muted small" data-testid="console-dropped">
          … {result.consoleDropped.toLocaleString()} more line{result.consoleDropped === 1 ? '' : 's'} not kept (a run keeps the first {MAX_CONSOLE_LINES} lines / {MAX_CONSOLE_BYTES / 1024} KB)
        </div>
      ) : null}
    </div>
  );
}

function DiagnosticView({ diagnostic: d, onGotoLine }: { diagnostic: Diagnostic; onGotoLine(line: number, column?: number): void }) {
  const rows: [string, React.ReactNode][] = [];
  if (d.path) rows.push(['at', <code>{d.path}</code>]);
  if (d.expectedShape || d.gotShape) {
    rows.push(['shape', <ExpectedGot expected={formatShape(d.expectedShape)} got={formatShape(d.gotShape)} />]);
  }
  if (d.expectedDtype || d.gotDtype) {
    rows.push(['dtype', <ExpectedGot expected={d.expectedDtype ?? '?'} got={d.gotDtype ?? '?'} />]);
  }
  if (d.firstMismatch) {
    const label = d.kind === 'non-finite' ? 'first non-finite' : 'first mismatch';
    rows.push([
      label,
      <>
        at <code>[{d.firstMismatch.index.join(', ')}]</code>: <ExpectedGot expected={formatNumber(d.firstMismatch.expected)} got={formatNumber(d.firstMismatch.got)} />
      </>,
    ]);
  }
  if (d.mismatchCount !== undefined) {
    rows.push(['mismatches', `${d.mismatchCount}${d.elementCount !== undefined ? ` of ${d.elementCount} elements` : ''}`]);
  }
  if (d.maxAbsError !== undefined) rows.push(['max abs error', formatNumber(d.maxAbsError)]);
  if (d.maxRelError !== undefined) rows.push(['max rel error', formatNumber(d.maxRelError)]);
  if (d.tolerance) rows.push(['tolerance', `atol ${d.tolerance.atol}, rtol ${d.tolerance.rtol}`]);

  return (
    <div className={`diagnostic kind-${d.kind}`} data-testid="diagnostic" data-kind={d.kind}>
      {!(d.error && d.error.message === d.message) && <p className="diagnostic-message">{d.message}</p>}
      {rows.length > 0 && (
        <dl className="diagnostic-facts">
          {rows.map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      )}
      {d.likelyMistake && (
        <div className="mistake-box" data-testid="likely-mistake" data-mistake-id={d.likelyMistake.id}>
          <div className="mistake-title">Likely mistake: {d.likelyMistake.title}</div>
          <p>{d.likelyMistake.explanation}</p>
          {d.alsoLikely?.map((other) => (
            <div key={other.id} data-testid="also-likely" data-mistake-id={other.id}>
              <div className="mistake-title">Or, with the same output: {other.title}</div>
              <p>{other.explanation}</p>
            </div>
          ))}
        </div>
      )}
      {!d.likelyMistake && d.relation && (
        <div className="mistake-box" data-testid="relation">
          <div className="mistake-title">What the numbers say</div>
          <p>{d.relation}</p>
        </div>
      )}
      {d.error && <ErrorDetails error={d.error} onGotoLine={onGotoLine} />}
    </div>
  );
}

function ErrorDetails({ error, onGotoLine }: { error: SerializedError; onGotoLine(line: number, column?: number): void }) {
  const location = error.location;
  return (
    <div className="error-box" data-testid="error-details">
      <div>
        <strong>{error.name}</strong>: {error.message}
      </div>
      {location && (
        <button
          type="button"
          className="link-button"
          data-testid="error-line"
          data-line={location.line}
          onClick={() => onGotoLine(location.line, location.column)}
        >
          at line {location.line}
          {location.column !== undefined ? `:${location.column}` : ''} of your code
        </button>
      )}
    </div>
  );
}

function ExpectedGot({ expected, got }: { expected: string; got: string }) {
  return (
    <span className="expected-got">
      expected <code className="expected">{expected}</code>, got <code className="got">{got}</code>
    </span>
  );
}

function formatShape(shape: number[] | undefined): string {
  return shape ? `[${shape.join(', ')}]` : '?';
}

function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (value === 0 || Number.isInteger(value)) return String(value);
  const abs = Math.abs(value);
  return abs >= 1e-4 && abs < 1e6 ? String(Number(value.toPrecision(6))) : value.toExponential(3);
}

function formatMs(ms: number): string {
  return ms < 10 ? `${ms.toFixed(1)} ms` : ms < 10_000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** Every line of the user's file the verdict points at, for editor markers. */
export function verdictMarkers(verdict: Verdict): { line: number; column?: number; message: string }[] {
  const errors: SerializedError[] = [];
  if (verdict.error) errors.push(verdict.error);
  for (const result of verdict.cases) if (result.diagnostic?.error) errors.push(result.diagnostic.error);
  const seen = new Set<string>();
  return errors.flatMap((error) => {
    if (!error.location) return [];
    const key = `${error.location.line}:${error.message}`;
    if (seen.has(key)) return [];
    seen.add(key);
    return [{ line: error.location.line, column: error.location.column, message: `${error.name}: ${error.message}` }];
  });
}
