import { roundsHref } from '../../rounds/routes';

/** Shown for an attempt id this browser has no record of (another device, cleared storage). */
export function AttemptNotStored() {
  return (
    <main className="rounds-page">
      <div className="banner error page-banner" role="alert" data-testid="error-banner">
        This round attempt is not stored in this browser. <a href={roundsHref()}>See your rounds</a>.
      </div>
    </main>
  );
}
