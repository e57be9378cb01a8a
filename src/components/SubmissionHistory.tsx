import { useEffect, useState } from 'react';
import { loadDraftHistory, loadSubmissions } from '../storage/history';
import type { ArchivedDraft, SubmissionRecord } from '../storage/records';

/** Newest entries shown; the full history is in the export. */
const SHOWN_SUBMISSIONS = 10;

interface SubmissionHistoryProps {
  problemId: string;
  /** Changes whenever a new verdict was recorded, to reload the list. */
  version: number;
}

/** "Your attempts" under the statement: recent verdicts and code put aside by "practise again". */
export function SubmissionHistory({ problemId, version }: SubmissionHistoryProps) {
  const [submissions, setSubmissions] = useState<SubmissionRecord[]>([]);
  const [archived, setArchived] = useState<ArchivedDraft[]>([]);
  const [openDraft, setOpenDraft] = useState<number>();

  useEffect(() => {
    let live = true;
    Promise.all([loadSubmissions(problemId), loadDraftHistory(problemId)]).then(([s, a]) => {
      if (!live) return;
      setSubmissions(s);
      setArchived(a);
    });
    return () => {
      live = false;
    };
  }, [problemId, version]);

  if (submissions.length === 0 && archived.length === 0) return null;
  const recent = submissions.slice(-SHOWN_SUBMISSIONS).reverse();

  return (
    <section className="attempt-history" data-testid="submission-history">
      <h2>Your attempts</h2>
      {recent.length > 0 && (
        <ul className="plain-list small">
          {recent.map((s) => (
            <li key={`${s.at}-${s.mode}`} data-testid="submission" data-status={s.status} data-mode={s.mode}>
              <span className={s.status === 'accepted' ? 'progress-solved' : 'progress-attempted'}>{s.status}</span>{' '}
              <span className="muted">
                {s.mode === 'submit' ? 'Submit' : 'Run'} · {s.passed}/{s.total} cases · {s.backend} · {new Date(s.at).toLocaleString()}
              </span>
            </li>
          ))}
        </ul>
      )}
      {archived.length > 0 && (
        <>
          <p className="muted small">Code from earlier attempts (kept when you chose “practise again”):</p>
          <ul className="plain-list small">
            {archived
              .map((draft, index) => ({ draft, index }))
              .reverse()
              .map(({ draft, index }) => (
                <li key={draft.archivedAt}>
                  <button type="button" className="link-button" onClick={() => setOpenDraft(openDraft === index ? undefined : index)}>
                    {openDraft === index ? 'Hide' : 'Show'} the attempt saved {new Date(draft.savedAt).toLocaleString()}
                  </button>
                  {openDraft === index && <pre className="archived-draft">{draft.code}</pre>}
                </li>
              ))}
          </ul>
        </>
      )}
    </section>
  );
}
